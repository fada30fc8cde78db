using OctoLite.Domain;
using OctoLite.Storage;
using OctoLite.Workers;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Where one script invocation runs. The built-in worker stands in for the default pool while that pool has no
/// workers, as in Octopus; a step may also ask for it outright. A pool with enabled tentacles (listening or
/// polling) runs the step on the one running the fewest steps now, ties by name. SSH workers need a transport this
/// version does not have yet, so a pool with only those fails the step with a message naming the pool and its
/// workers instead of running somewhere unexpected.
/// </summary>
internal sealed class WorkerPlacement(OctoStore store, WorkerLoad load, TentacleTimeouts timeouts)
{
    /// <param name="poolId">The step's pool, or the target's default pool when it has one; empty for the default pool.</param>
    /// <returns>The placement; the caller disposes it when the invocation ends.</returns>
    public Result<StepPlacement> Place(ExecutionLocation location, string poolId)
    {
        if (location == ExecutionLocation.BuiltInWorker)
        {
            return StepPlacement.BuiltIn;
        }

        var found = store.Read<Result<(List<Worker> Tentacles, Dictionary<string, TimeSpan> Limits)>>(s =>
        {
            var pools = s.Pools.All();
            var pool = poolId.Length == 0 ? pools.FirstOrDefault(p => p.IsDefault) : pools.FirstOrDefault(p => p.Id == poolId);
            if (pool is null)
            {
                return poolId.Length == 0
                    ? new Problem(409, "No default pool", "There is no default worker pool; make one the default with `octolite pool set-default`.")
                    : new Problem(409, "Pool missing", $"Worker pool {poolId} no longer exists; edit the process to choose another pool.");
            }

            var workers = s.Workers.All().Where(w => w.WorkerPoolIds.Contains(pool.Id)).OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
            if (workers.Count == 0)
            {
                return pool.IsDefault
                    ? (new List<Worker>(), new Dictionary<string, TimeSpan>())
                    : new Problem(409, "No workers", $"Worker pool '{pool.Name}' has no workers: add one with `octolite worker register-listening --pool \"{pool.Name}\" …`, or run the step on another pool.");
            }

            var tentacles = workers.Where(w => w.Endpoint.CommunicationStyle is CommunicationStyle.TentaclePassive or CommunicationStyle.TentacleActive).ToList();
            var enabled = tentacles.Where(w => !w.IsDisabled).ToList();
            if (enabled.Count > 0)
            {
                // How long to keep trying to start: a listening tentacle's connect timeout, or how long a polling one's call waits to be collected.
                var limits = enabled.ToDictionary(w => w.Id, w => s.Policies.Get(w.MachinePolicyId) is { } policy
                    ? w.Endpoint.CommunicationStyle == CommunicationStyle.TentacleActive ? policy.PollingRequestQueueTimeout : policy.ConnectionConnectTimeout
                    : timeouts.StartRetryLimit);
                return (enabled, limits);
            }

            if (tentacles.Count > 0)
            {
                return new Problem(409, "No enabled workers",
                    $"Worker pool '{pool.Name}' has no enabled tentacle worker ({string.Join(", ", tentacles.Select(w => w.Name))} disabled); enable one with `octolite worker enable`.");
            }

            return new Problem(409, "No worker transport",
                $"Worker pool '{pool.Name}' has {workers.Count} worker(s) ({string.Join(", ", workers.Select(w => $"{w.Name}: {w.Endpoint.CommunicationStyle}"))}), and this server version runs steps only on "
                + "the built-in worker and tentacles (TentaclePassive, TentacleActive); SSH workers arrive later" + (pool.IsDefault ? ". While the default pool has workers the built-in worker is not used for it: run the step on the built-in worker (ExecutionLocation BuiltInWorker), or remove the workers from the pool." : "."));
        });
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var (candidates, startLimits) = found.Value;
        if (candidates.Count == 0)
        {
            return StepPlacement.BuiltIn;
        }

        var lease = load.Acquire(candidates.Select(w => w.Id).ToList());
        var worker = candidates.First(w => w.Id == lease.WorkerId);
        return new StepPlacement(worker.Name, worker, startLimits[worker.Id], lease);
    }

    /// <summary>
    /// The worker a script already runs on (a task resumed after a restart follows it there again), counted as running
    /// a step like any placement. Fails when the worker has been deleted meanwhile; a disabled one is still followed.
    /// </summary>
    /// <param name="workerId">The worker recorded on the invocation.</param>
    /// <param name="workerName">Its name as recorded, for the message when it is gone.</param>
    public Result<StepPlacement> Rejoin(string workerId, string workerName)
    {
        var (worker, startLimit) = store.Read<(Worker? Worker, TimeSpan Limit)>(s => s.Workers.Get(workerId) is { } found
            ? (found, s.Policies.Get(found.MachinePolicyId)?.ConnectionConnectTimeout ?? timeouts.StartRetryLimit)
            : (null, TimeSpan.Zero));
        if (worker is null)
        {
            return new Problem(409, "Worker missing",
                $"Worker '{workerName}' ({workerId}), where this script was running when the server restarted, has been deleted since; the script may still run there and its outcome is unknown.");
        }

        return new StepPlacement(worker.Name, worker, startLimit, load.Acquire([worker.Id]));
    }
}
