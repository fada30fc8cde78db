using OctoLite.Domain;

namespace OctoLite.Tui.Screens;

/// <summary>A pool with its summary: one row of the pools table.</summary>
internal sealed record PoolRow(WorkerPool Pool, WorkerPoolSummary? Summary)
{
    public static IReadOnlyList<PoolRow> Join(IReadOnlyList<WorkerPool> pools, IReadOnlyList<WorkerPoolSummary> summaries) =>
        pools.OrderBy(p => p.SortOrder).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PoolRow(p, summaries.FirstOrDefault(s => s.WorkerPoolId == p.Id)))
            .ToList();
}
