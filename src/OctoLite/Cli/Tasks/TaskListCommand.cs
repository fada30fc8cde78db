using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskListCommand : OctoCommand
{
    private readonly Option<string?> _state = new("--state")
    {
        Description = "Only tasks in this state: Queued, Executing, Cancelling, Success, Failed, Canceled, TimedOut; or Active (not ended) or Completed",
        HelpName = "state",
    };

    private readonly Option<string?> _project = ProjectOption.Optional("Only this project's tasks");
    private readonly Option<int> _take = new("--take") { Description = "How many tasks to show, newest first (1 to 1000)", HelpName = "n", DefaultValueFactory = _ => 30 };

    public TaskListCommand(GlobalOptions options) : base("list", "List tasks, newest first", options)
    {
        Options.Add(_state);
        Options.Add(_project);
        Options.Add(_take);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var query = new List<string> { $"take={result.GetValue(_take)}" };
        if (result.GetValue(_state) is { } state)
        {
            query.Add($"state={Uri.EscapeDataString(state.Trim())}");
        }

        if (result.GetValue(_project) is { } project)
        {
            query.Add($"project={Uri.EscapeDataString(project.Trim())}");
        }

        var page = await context.Client.GetAsync("api/tasks?" + string.Join("&", query), CliJsonContext.Default.ResourceCollectionServerTask, cancellationToken);
        var tasks = page.Items.Select(TaskView.Redact).ToList();
        context.Render(tasks, CliJsonContext.Default.ListServerTask, (w, list) => TaskView.List(w, list, context.Time));
        if (context.Format == OutputFormat.Table && page.TotalResults > tasks.Count)
        {
            context.Error.WriteLine($"Showing the newest {tasks.Count} of {page.TotalResults} tasks; use --take for more.");
        }

        return ExitCodes.Ok;
    }
}
