using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Tasks;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerHealthCheckCommand : OctoCommand
{
    private readonly Argument<string?> _worker = new("worker") { Description = "The worker to check (name or id); omit it to check every worker, or give --pool", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _pool = new("--pool") { Description = "Check the workers of this pool (name or id)", HelpName = "pool" };
    private readonly Option<TimeSpan?> _timeout = new("--timeout") { Description = "Stop the check as TimedOut if it takes longer than this (default: no limit)", HelpName = "hh:mm:ss" };
    private readonly Option<bool> _wait = new("--wait") { Description = "Wait for the check to end and show it; exit 0 Success, 1 Failed (a worker Unhealthy, or Unavailable when expected online), 3 Canceled or TimedOut" };
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Print the log as it is written, then a summary on stderr; implies --wait and its exit codes" };
    private readonly Option<bool> _verbose = VerboseOption.Create();

    public WorkerHealthCheckCommand(GlobalOptions options)
        : base("health-check", "Check workers' health now: queue a Health task and print it, or wait for it with --wait or --follow", options)
    {
        Arguments.Add(_worker);
        Options.Add(_pool);
        Options.Add(_timeout);
        Options.Add(_wait);
        Options.Add(_follow);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var (worker, pool) = (result.GetValue(_worker), result.GetValue(_pool));
        if (worker is not null && pool is not null)
        {
            throw CliException.Usage($"Give a worker ('{worker}') or --pool ('{pool}'), not both.");
        }

        var body = new JsonPatch().Set("WorkerPoolId", pool).Set("WorkerIds", worker is null ? null : [worker]).Set("Timeout", result.GetValue(_timeout)).Body;
        var task = await context.Client.PostAsync("api/workers/health-check", body, CliJsonContext.Default.ServerTask, cancellationToken);
        return await QueuedTaskFollower.FinishAsync(context, task, result.GetValue(_wait), result.GetValue(_follow), result.GetValue(_verbose), cancellationToken);
    }
}
