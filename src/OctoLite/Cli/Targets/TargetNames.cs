using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

/// <summary>Environment and worker pool names by id, so tables show names instead of ids.</summary>
internal sealed record TargetNames(IReadOnlyDictionary<string, string> Environments, IReadOnlyDictionary<string, string> Pools)
{
    public static readonly TargetNames None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public static async Task<TargetNames> LoadAsync(CliContext context, CancellationToken cancellationToken)
    {
        var environments = await context.Client.GetAsync("api/environments/all", CliJsonContext.Default.ListDeploymentEnvironment, cancellationToken);
        var pools = await context.Client.GetAsync("api/workerpools/all", CliJsonContext.Default.ListWorkerPool, cancellationToken);
        return new TargetNames(environments.ToDictionary(e => e.Id, e => e.Name), pools.ToDictionary(p => p.Id, p => p.Name));
    }

    public string Environment(string id) => Environments.TryGetValue(id, out var name) ? name : id;

    public string Pool(string id) => Pools.TryGetValue(id, out var name) ? name : id;
}
