using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Pools;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Health;

/// <summary>
/// Writes what health checks and the polling watch find onto workers: status, summary, capabilities, last seen,
/// a history entry each time, and an audit event when the status changes. Also machine policy cleanup, and the
/// history as the API reads it.
/// </summary>
internal sealed class WorkerHealthService(OctoStore store, AuditTrail audit, HealthTimings timings, TimeProvider time)
{
    public const string HealthChangedCategory = "HealthChanged";
    public const int MaxHistoryTake = 1000;

    /// <summary>The worker's newest history entries, newest first.</summary>
    public Result<IReadOnlyList<WorkerHealthRecord>> History(string idOrName, int take)
    {
        if (take is < 1 or > MaxHistoryTake)
        {
            return Problem.Invalid("take", $"take must be between 1 and {MaxHistoryTake} (got {take}).");
        }

        return store.Read<Result<IReadOnlyList<WorkerHealthRecord>>>(s =>
            Lookup.ByIdOrName(s.Workers.All(), idOrName, w => w.Id, w => w.Name) is { } worker
                ? s.WorkerHealth.Newest(worker.Id, take)
                : Problem.NotFound("worker", idOrName));
    }

    /// <summary>Records a health check's result; returns the worker as stored, or null when it was deleted meanwhile.</summary>
    public Worker? Record(string workerId, WorkerCheckResult result, string taskId) => store.Write(s =>
    {
        if (s.Workers.Get(workerId) is not { } current)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var checkedWorker = current with
        {
            LastHealthCheck = now,
            LastSeen = result.Contacted ? now : current.LastSeen,
            Capabilities = result.Capabilities ?? current.Capabilities,
        };
        return Change(s, current, checkedWorker, result.Status, result.Summary, taskId, now);
    });

    /// <summary>
    /// Marks a worker Unavailable without a health check (a polling tentacle that stopped polling); false when it
    /// was already Unavailable, or is gone.
    /// </summary>
    public bool MarkUnavailable(string workerId, string summary) => store.Write(s =>
    {
        if (s.Workers.Get(workerId) is not { } current || current.HealthStatus == HealthStatus.Unavailable)
        {
            return false;
        }

        Change(s, current, current, HealthStatus.Unavailable, summary, "", time.GetUtcNow());
        return true;
    });

    /// <summary>Stores when a worker was last heard from; no audit (it is not a change of state).</summary>
    public void Seen(string workerId, DateTimeOffset seen) => store.Write(s =>
    {
        if (s.Workers.Get(workerId) is { } current && (current.LastSeen is null || current.LastSeen < seen))
        {
            s.Workers.Update(current with { LastSeen = seen });
        }

        return true;
    });

    /// <summary>
    /// Machine policy cleanup among <paramref name="workerIds"/>: deletes each worker whose policy deletes unavailable
    /// machines and that has been Unavailable for longer than the policy allows. Returns what it deleted, for the log.
    /// </summary>
    public IReadOnlyList<string> Cleanup(IReadOnlyList<string> workerIds, string taskId) => store.Write(s =>
    {
        var now = time.GetUtcNow();
        var deleted = new List<string>();
        foreach (var id in workerIds)
        {
            if (s.Workers.Get(id) is not { HealthStatus: HealthStatus.Unavailable, UnavailableSince: { } since } worker
                || s.Policies.Get(worker.MachinePolicyId) is not { DeleteMachinesBehavior: DeleteMachinesBehavior.DeleteUnavailableMachines } policy
                || now - since < policy.DeleteMachinesElapsedTimeSpan)
            {
                continue;
            }

            s.Workers.Delete(worker.Id);
            s.WorkerHealth.DeleteAll(worker.Id);
            var message = $"Worker '{worker.Name}' deleted by machine policy '{policy.Name}': unavailable since {since:u}, longer than {policy.DeleteMachinesElapsedTimeSpan:c}";
            audit.Record(s, Actor.System, "Deleted", WorkerService.DocumentType, worker.Id, message, $"Health task {taskId}; last status: {worker.StatusSummary}");
            deleted.Add(message);
        }

        return deleted;
    });

    private Worker Change(StoreSession s, Worker before, Worker changed, HealthStatus status, string summary, string taskId, DateTimeOffset now)
    {
        var worker = changed with
        {
            HealthStatus = status,
            StatusSummary = summary,
            UnavailableSince = status == HealthStatus.Unavailable ? before.UnavailableSince ?? now : null,
        };
        s.Workers.Update(worker);
        s.WorkerHealth.Add(new WorkerHealthRecord { WorkerId = worker.Id, Time = now, HealthStatus = status, Summary = summary, TaskId = taskId }, timings.HistoryPerWorker);
        if (before.HealthStatus != status)
        {
            audit.Record(s, Actor.System, HealthChangedCategory, WorkerService.DocumentType, worker.Id,
                $"Worker '{worker.Name}' is {status} (was {before.HealthStatus})", taskId.Length > 0 ? $"{summary} (task {taskId})" : summary);
        }

        return worker;
    }
}
