using OctoLite.Domain;
using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The workers a task leased when it started, one per pool its process uses: every invocation in a pool runs on
/// that pool's worker. Disposing gives the leases back.
/// </summary>
internal sealed class TaskWorkers(WorkerLeases leases, string taskId, PlacementPlan plan, IReadOnlyList<WorkerLease> granted) : IDisposable
{
    private int _released;

    public IReadOnlyList<WorkerLease> Leases => granted;

    /// <summary>Where an invocation runs: its pool's leased worker, or why the pool cannot run it.</summary>
    /// <param name="poolReference">As <see cref="WorkerPlacement.PoolReference"/> gives it.</param>
    public Result<StepPlacement> Place(string poolReference)
    {
        if (!plan.Keys.TryGetValue(poolReference, out var key))
        {
            return new Problem(409, "No lease", $"This task leased no worker for pool {(poolReference.Length == 0 ? "(default)" : poolReference)} when it started; run it again.");
        }

        if (plan.Problems.TryGetValue(key, out var problem))
        {
            return problem;
        }

        var lease = granted.First(l => l.Key == key);
        return lease.Worker.Worker is { } worker ? new StepPlacement(worker.Name, worker, lease.Worker.StartRetryLimit) : StepPlacement.BuiltIn;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            leases.Release(taskId);
        }
    }
}
