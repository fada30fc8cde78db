using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookListCommand : OctoCommand
{
    private readonly Option<string?> _project = ProjectOption.Optional("Only this project's runbooks");

    public RunbookListCommand(GlobalOptions options) : base("list", "List runbooks, by project", options) => Options.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var project = context.ParseResult.GetValue(_project);
        var path = "api/runbooks/all" + (project is null ? "" : $"?project={Uri.EscapeDataString(project.Trim())}");
        var runbooks = await context.Client.GetAsync(path, CliJsonContext.Default.ListRunbook, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            context.Render(runbooks, CliJsonContext.Default.ListRunbook, (_, _) => { });
            return ExitCodes.Ok;
        }

        var projects = await context.Client.GetAsync("api/projects/all", CliJsonContext.Default.ListProject, cancellationToken);
        RunbookView.List(context.Out, runbooks, projects.ToDictionary(p => p.Id, p => p.Name));
        return ExitCodes.Ok;
    }
}
