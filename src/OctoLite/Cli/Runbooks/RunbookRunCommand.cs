using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;
using OctoLite.Cli.Tasks;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookRunCommand : OctoCommand
{
    private readonly Argument<string?> _runbook = new("runbook") { Description = "The runbook's id, or its name with --project (or give it as --runbook)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _runbookOption = new("--runbook") { Description = "The runbook, as an option instead of the argument", HelpName = "runbook" };
    private readonly Option<string?> _project = ProjectOption.Optional("The runbook's project (needed when the runbook is given by name)");
    private readonly Option<TimeSpan?> _timeout = new("--timeout") { Description = "Stop the run as TimedOut if it takes longer than this (default: no limit)", HelpName = "hh:mm:ss" };
    private readonly Option<bool> _wait = new("--wait") { Description = "Wait for the run to end and show it; exit 0 Success, 1 Failed, 3 Canceled or TimedOut; Ctrl+C stops waiting (exit 130), the run goes on" };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Print the log as it is written, then a summary on stderr; implies --wait and its exit codes" };
    private readonly Option<bool> _verbose = VerboseOption.Create();
    private readonly Option<string?> _environment = new("--environment") { Description = "Run in this environment (name or id): its targets and environment-scoped variables apply", HelpName = "environment" };

    public RunbookRunCommand(GlobalOptions options) : base("run", "Run a runbook: queue a task and print it, or wait for it with --wait or --follow", options)
    {
        Arguments.Add(_runbook);
        Options.Add(_project);
        Options.Add(_runbookOption);
        Options.Add(_timeout);
        Options.Add(_wait);
        Options.Add(_follow);
        Options.Add(_verbose);
        Options.Add(_environment);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var follow = result.GetValue(_follow);
        var body = new JsonPatch().Set("Timeout", result.GetValue(_timeout)).Set("EnvironmentId", result.GetValue(_environment)).Body;
        var (argument, option) = (result.GetValue(_runbook), result.GetValue(_runbookOption));
        if (argument is not null && option is not null && !string.Equals(argument, option, StringComparison.Ordinal))
        {
            throw CliException.Usage($"The runbook is given twice, as '{argument}' and as --runbook '{option}'; give it once.");
        }

        var runbook = argument ?? option ?? throw CliException.Usage("Which runbook? Give its id, or its name with --project (as an argument or with --runbook).");
        var path = RunbookArgument.Path(runbook, result.GetValue(_project), "/run");
        var task = await context.Client.PostAsync(path, body, CliJsonContext.Default.ServerTask, cancellationToken);
        return await QueuedTaskFollower.FinishAsync(context, task, result.GetValue(_wait), follow, result.GetValue(_verbose), cancellationToken);
    }
}
