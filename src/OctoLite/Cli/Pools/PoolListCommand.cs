using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Pools;

internal sealed class PoolListCommand(GlobalOptions options) : OctoCommand("list", "List worker pools in their sort order", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var pools = await context.Client.GetAsync("api/workerpools/all", CliJsonContext.Default.ListWorkerPool, cancellationToken);
        // JSON output stays the pools themselves; the table adds what they hold.
        var summaries = context.Format == OutputFormat.Json ? null : await context.Client.GetAsync("api/workerpools/summary", CliJsonContext.Default.ListWorkerPoolSummary, cancellationToken);
        context.Render(pools, CliJsonContext.Default.ListWorkerPool, (writer, list) => PoolView.List(writer, list, summaries));
        return ExitCodes.Ok;
    }
}
