using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolListCommand(GlobalOptions options) : OctoCommand("list", "List worker pools in their sort order", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var pools = await context.Client.GetAsync("api/workerpools/all", CliJsonContext.Default.ListWorkerPool, cancellationToken);
        context.Render(pools, CliJsonContext.Default.ListWorkerPool, PoolView.List);
        return ExitCodes.Ok;
    }
}
