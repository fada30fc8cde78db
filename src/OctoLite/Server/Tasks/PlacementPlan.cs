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

    /// <summary>
    /// This plan with a newer one's pools over it. A newer plan leaves out the pools of steps that have finished; what
    /// it says of the others replaces what this one said.
    /// </summary>
    public PlacementPlan With(PlacementPlan newer)
    {
        var merged = new PlacementPlan();
        foreach (var plan in new[] { this, newer })
        {
            foreach (var (reference, key) in plan.Keys)
            {
                merged.Keys[reference] = key;
                if (plan.Problems.TryGetValue(key, out var problem))
                {
                    merged.Problems[key] = problem;
                    merged.Demands.Remove(key);
                }
                else if (plan.Demands.TryGetValue(key, out var demand))
                {
                    merged.Demands[key] = demand;
                    merged.Problems.Remove(key);
                }
            }
        }

        return merged;
    }
}
