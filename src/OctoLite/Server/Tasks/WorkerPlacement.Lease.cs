using System.Globalization;
using OctoLite.Domain;
using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>Leasing a task's workers when it starts, waiting while none is free.</summary>
internal sealed partial class WorkerPlacement
{
    private const string LeaseWait = "lease";

    /// <summary>
    /// Leases one worker per pool the task's process uses, all at once. While some pool has no worker to give, the
    /// task waits (it is Executing and holds its task-cap slot) in line (see <see cref="WorkerLeases"/>), its log saying why — again whenever the reason
    /// changes — for up to <see cref="ServerConfiguration.WorkerLeaseTimeout"/>; then it fails naming each pool and
    /// what kept its workers. A stop of the task (cancel, timeout, shutdown) ends the wait at once: the result is
    /// then a problem and <paramref name="run"/> tells why.
    /// </summary>
    public async Task<Result<TaskWorkers>> LeaseAsync(ServerTask task, TaskContext context, TaskLogWriter log, TaskRun run)
    {
        var timeout = configuration.Get().LeaseTimeout();
        var started = time.GetUtcNow();
        var announced = "";
        try
        {
            while (true)
            {
                var released = leases.Released;
                var plan = Plan(task, context);
                var attempt = leases.TryAcquire(task.Id, plan.Demands.Values.ToList());
                if (attempt.Granted is { } granted)
                {
                    // Made before anything else can fail, so the leases are always released by whoever disposes it.
                    var workers = new TaskWorkers(leases, task.Id, plan, granted);
                    try
                    {
                        Announce(granted, plan, log, announced.Length > 0);
                    }
                    catch
                    {
                        workers.Dispose();
                        throw;
                    }

                    return workers;
                }

                var reason = string.Join("; ", attempt.Refusals.Select(r => r.Reason)) + InLine(attempt.Ahead ?? []);
                var waited = time.GetUtcNow() - started;
                if (waited >= timeout)
                {
                    return new Problem(409, "No worker", timeout == TimeSpan.Zero
                        ? $"No worker could be leased (workerLeaseTimeout is 0, so the task did not wait): {reason}."
                        : $"No worker could be leased within the lease timeout ({Duration(timeout)}): {reason}.");
                }

                if (reason != announced)
                {
                    log.Info("", $"Waiting for a worker (up to {Duration(timeout)} in all): {reason}.");
                    waits.Set(task.Id, LeaseWait, new TaskWaitReason(WaitKind.WorkerLease, $"Waiting for a worker: {reason}.",
                        attempt.Refusals.SelectMany(r => r.BlockedBy).Concat(attempt.Ahead ?? []).Distinct(StringComparer.Ordinal).ToList(), started));
                    announced = reason;
                }

                var pause = timeout - waited < RecheckInterval ? timeout - waited : RecheckInterval;
                await Task.WhenAny(released, Task.Delay(pause, time, run.Token));
                if (run.Token.IsCancellationRequested)
                {
                    return new Problem(409, "Stopped", "The task was stopped while it waited for a worker.");
                }
            }
        }
        finally
        {
            waits.Clear(task.Id, LeaseWait);
            leases.StopWaiting(task.Id);
        }
    }

    /// <summary>"; 3rd in line, after ServerTasks-4, ServerTasks-6", or nothing when no task waits ahead for the same pools.</summary>
    private static string InLine(IReadOnlyList<string> ahead) => ahead.Count == 0 ? "" : $"; {Ordinal(ahead.Count + 1)} in line, after {string.Join(", ", ahead)}";

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>Says in the log which workers the task leased: tentacles always, the built-in worker when it holds it exclusively.</summary>
    private static void Announce(IReadOnlyList<WorkerLease> granted, PlacementPlan plan, TaskLogWriter log, bool afterWaiting)
    {
        foreach (var lease in granted.Where(l => l.Worker.Worker is not null || l.Exclusive || afterWaiting))
        {
            var pool = lease.PoolName.Length > 0 ? $" in pool {lease.PoolName}" : "";
            var exclusively = lease.Exclusive ? $" exclusively ({BypassMutexVariable} is False)" : "";
            // As in Octopus: workers added to the default pool take over from the built-in worker.
            var superseded = lease.Worker.Worker is not null && plan.Demands.TryGetValue(lease.Key, out var demand) && demand.IsDefaultPool
                ? " The default pool has workers, so the built-in worker is not used for it."
                : "";
            log.Info("", $"Leased worker {lease.Worker.Name}{pool}{exclusively}: this task's steps{pool} run there.{superseded}");
        }
    }

    private static string Duration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
