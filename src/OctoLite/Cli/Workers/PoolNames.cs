using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal static class PoolNames
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(CliContext context, CancellationToken cancellationToken)
    {
        var pools = await context.Client.GetAsync("api/workerpools/all", CliJsonContext.Default.ListWorkerPool, cancellationToken);
        return pools.ToDictionary(p => p.Id, p => p.Name);
    }
}
