using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;
using OctoLite.Cli.Tasks;
using OctoLite.Domain;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookRunCommand : OctoCommand
{
    private readonly Argument<string> _runbook = RunbookArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The runbook's project (needed when the runbook is given by name)");
    private readonly Option<TimeSpan?> _timeout = new("--timeout") { Description = "Stop the run as TimedOut if it takes longer than this (default: no limit)", HelpName = "hh:mm:ss" };
    private readonly Option<bool> _wait = new("--wait") { Description = "Wait for the run to end and show it; exit 0 Success, 1 Failed, 3 Canceled or TimedOut; Ctrl+C stops waiting (exit 130), the run goes on" };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Print the log as it is written, then a summary on stderr; implies --wait and its exit codes" };
    private readonly Option<bool> _verbose = VerboseOption.Create();

    public RunbookRunCommand(GlobalOptions options) : base("run", "Run a runbook: queue a task and print it, or wait for it with --wait or --follow", options)
    {
        Arguments.Add(_runbook);
        Options.Add(_project);
        Options.Add(_timeout);
        Options.Add(_wait);
        Options.Add(_follow);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var follow = result.GetValue(_follow);
        var body = new JsonPatch().Set("Timeout", result.GetValue(_timeout)).Body;
        var path = RunbookArgument.Path(result.GetValue(_runbook)!, result.GetValue(_project), "/run");
        var task = await context.Client.PostAsync(path, body, CliJsonContext.Default.ServerTask, cancellationToken);
        if (!follow && !result.GetValue(_wait))
        {
            context.Render(TaskView.Redact(task), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
            context.Error.WriteLine($"Queued {task.Id}. Follow it with `octolite task log {task.Id} --follow`, or wait for it with `octolite task wait {task.Id}`.");
            return ExitCodes.Ok;
        }

        context.Error.WriteLine($"Queued {task.Id}: {task.Description}.");
        ServerTask final;
        try
        {
            final = follow
                ? await new TaskLogReader(context, new TaskLogPrinter(context, result.GetValue(_verbose))).FollowAsync(task.Id, 0, cancellationToken)
                : await TaskWaiter.WaitAsync(context, task.Id, null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TaskOutcome.Interrupted(context, task.Id, follow);
        }

        if (!follow)
        {
            context.Render(TaskView.Redact(final), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
        }

        context.Error.WriteLine(TaskOutcome.Summary(final));
        return TaskOutcome.ExitCode(final);
    }
}
