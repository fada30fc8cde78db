using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Where one script invocation runs. The built-in worker stands in for the default pool while that pool has no
/// workers, as in Octopus; a step may also ask for it outright. A pool with workers needs a worker transport,
/// which this version does not have yet (listening, polling and SSH workers arrive with their own features), so
/// such a step fails with a message naming the pool and its workers instead of running somewhere unexpected.
/// </summary>
internal sealed class WorkerPlacement(OctoStore store)
{
    /// <param name="poolId">The step's pool, or the target's default pool when it has one; empty for the default pool.</param>
    public Result<string> Place(ExecutionLocation location, string poolId)
    {
        if (location == ExecutionLocation.BuiltInWorker)
        {
            return BuiltInWorker.DisplayName;
        }

        return store.Read<Result<string>>(s =>
        {
            var pools = s.Pools.All();
            var pool = poolId.Length == 0 ? pools.FirstOrDefault(p => p.IsDefault) : pools.FirstOrDefault(p => p.Id == poolId);
            if (pool is null)
            {
                return poolId.Length == 0
                    ? new Problem(409, "No default pool", "There is no default worker pool; make one the default with `octolite pool set-default`.")
                    : new Problem(409, "Pool missing", $"Worker pool {poolId} no longer exists; edit the process to choose another pool.");
            }

            var workers = s.Workers.All().Where(w => w.WorkerPoolIds.Contains(pool.Id)).OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (workers.Count == 0)
            {
                return pool.IsDefault
                    ? BuiltInWorker.DisplayName
                    : new Problem(409, "No workers", $"Worker pool '{pool.Name}' has no workers: add one with `octolite worker create --pool \"{pool.Name}\" …`, or run the step on another pool.");
            }

            return new Problem(409, "No worker transport",
                $"Worker pool '{pool.Name}' has {workers.Count} worker(s) ({string.Join(", ", workers.Select(w => $"{w.Name}: {w.Endpoint.CommunicationStyle}"))}), and this server version cannot run steps on "
                + "listening, polling or SSH workers yet" + (pool.IsDefault ? "; while the default pool has workers the built-in worker is not used for it. Run the step on the built-in worker (ExecutionLocation BuiltInWorker), or remove the workers from the pool." : "."));
        });
    }
}
