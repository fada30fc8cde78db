using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>
/// What a task needs from its pools (<see cref="WorkerPlacement.Plan"/>): the key each pool reference of its steps
/// resolves to (the default pool's "" and its id are one pool), a demand to lease per key, and the problem of each
/// pool that cannot run a script at all.
/// </summary>
internal sealed class PlacementPlan
{
    /// <summary>Pool reference (<see cref="WorkerPlacement.PoolReference"/>) → demand or problem key.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PoolDemand> Demands { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Problem> Problems { get; } = new(StringComparer.Ordinal);
}
