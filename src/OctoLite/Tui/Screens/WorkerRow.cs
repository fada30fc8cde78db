using OctoLite.Domain;
using OctoLite.Server.Api;

namespace OctoLite.Tui.Screens;

/// <summary>A worker with the names of its pools and policy and the leases it holds now: one row of the workers table.</summary>
internal sealed record WorkerRow(Worker Worker, IReadOnlyList<string> PoolNames, string PolicyName, int Leases)
{
    /// <summary>
    /// The rows of <paramref name="workers"/> (those in <paramref name="poolId"/> only, when given) by name, pool and
    /// policy ids shown as names where known.
    /// </summary>
    public static IReadOnlyList<WorkerRow> Join(
        IReadOnlyList<Worker> workers, IReadOnlyList<WorkerPool> pools, IReadOnlyList<MachinePolicy> policies, IReadOnlyList<ActiveLease> leases, string? poolId = null)
    {
        var poolNames = pools.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var policyNames = policies.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var leaseCounts = leases.GroupBy(l => l.WorkerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(l => l.TaskId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return workers
            .Where(w => string.IsNullOrEmpty(poolId) || w.WorkerPoolIds.Contains(poolId, StringComparer.Ordinal))
            .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .Select(w => new WorkerRow(
                w,
                w.WorkerPoolIds.Select(id => poolNames.GetValueOrDefault(id, id)).ToList(),
                policyNames.GetValueOrDefault(w.MachinePolicyId, w.MachinePolicyId),
                leaseCounts.GetValueOrDefault(w.Id)))
            .ToList();
    }
}
