using OctoLite.Domain;
using OctoLite.Server.Api;

namespace OctoLite.Tui.Screens;

/// <summary>What the dashboard shows, read in one go: the queue, the fleet by health, the built-in worker's state.</summary>
internal sealed record DashboardData(
    ServerStatus Status,
    ServerConfiguration Configuration,
    IReadOnlyList<WorkerPool> Pools,
    IReadOnlyList<Worker> Workers,
    IReadOnlyList<ServerTask> ActiveTasks)
{
    /// <summary>The default pool, if the server has one (it always should).</summary>
    public WorkerPool? DefaultPool => Pools.FirstOrDefault(p => p.IsDefault);

    /// <summary>The built-in worker's state in words: off, on, or superseded by workers in the default pool.</summary>
    public string BuiltInWorker()
    {
        if (!Configuration.BuiltInWorkerEnabled)
            return "off (builtInWorker.enabled is false): steps of the default pool need workers there";

        var pool = DefaultPool;
        var inDefault = pool is null ? 0 : Workers.Count(w => w.WorkerPoolIds.Contains(pool.Id));
        if (inDefault > 0)
            return $"superseded by the {inDefault} worker(s) in {pool!.Name}";

        var runAs = string.IsNullOrEmpty(Configuration.BuiltInWorkerRunAs) ? "" : $" as {Configuration.BuiltInWorkerRunAs}";
        return $"on: runs the steps of {pool?.Name ?? "the default pool"}{runAs} (it has no workers)";
    }
}
