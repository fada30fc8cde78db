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
    /// task waits (it is Executing and holds its task-cap slot), its log saying why — again whenever the reason
    /// changes — for up to <see cref="ServerConfiguration.WorkerLeaseTimeout"/>; then it fails naming each pool and
    /// what kept its workers. A stop of the task (cancel, timeout, shutdown) ends the wait at once: the result is
    /// then a problem and <paramref name="run"/> tells why.
    /// </summary>
    /// <remarks>
    /// A task resumed after a restart with scripts still running on tentacles never waits here: it takes the leases
    /// pinned to those workers, and the mutexes those scripts held, at once, whatever else holds them, so that it
    /// follows its scripts before anything else. Its other pools are leased now if they can be, all at once; if not,
    /// the first step that needs one of them waits for them (<see cref="TaskWorkers.PlaceAsync"/>), while the
    /// scripts already running are followed to their end.
    /// </remarks>
    public async Task<Result<TaskWorkers>> LeaseAsync(TaskRecord record, TaskContext context, TaskLogWriter log, TaskRun run)
    {
        var taskId = record.Current.Id;
        Func<TaskWorkers, Task<Problem?>> more = workers => LeaseMoreAsync(workers, record, context, log, run);
        var plan = Plan(record.Current, context);
        var pinned = plan.Demands.Values.Where(d => d.Pinned is not null).ToList();
        if (pinned.Count == 0)
        {
            var leased = await AcquireAsync(record, context, log, run, []);
            if (!leased.IsSuccess)
            {
                return leased.Problem;
            }

            // Made before anything else can fail, so the leases are always released by whoever disposes it.
            var workers = new TaskWorkers(leases, taskId, leased.Value.Plan, leased.Value.Granted, [], more);
            try
            {
                Announce(leased.Value.Granted, leased.Value.Plan, log, leased.Value.Waited);
            }
            catch
            {
                workers.Dispose();
                throw;
            }

            return workers;
        }

        // Pinned demands are always granted: nothing is chosen, nothing waited for.
        var resumed = new TaskWorkers(leases, taskId, plan, leases.TryAcquire(taskId, pinned).Granted ?? [], ReclaimMutexes(record.Current), more);
        try
        {
            Announce(resumed.Leases, plan, log, afterWaiting: false);
            var rest = plan.Demands.Values.Where(d => d.Pinned is null).ToList();
            if (rest.Count > 0)
            {
                var now = leases.TryAcquire(taskId, rest);
                if (now.Granted is { } granted)
                {
                    resumed.Add(plan, granted);
                    Announce(granted, plan, log, afterWaiting: false);
                }
                else
                {
                    leases.StopWaiting(taskId); // it waits when a step needs those pools, not now
                    log.Info("", $"The scripts still running are followed first; steps still to run in other pools wait for a worker when they start: {string.Join("; ", now.Refusals.Select(r => r.Reason))}.");
                }
            }

            return resumed;
        }
        catch
        {
            resumed.Dispose();
            throw;
        }
    }

    /// <summary>Leases, all at once, the pools of the task's plan it holds no lease for yet (a resumed task's); null when done, else why not.</summary>
    private async Task<Problem?> LeaseMoreAsync(TaskWorkers workers, TaskRecord record, TaskContext context, TaskLogWriter log, TaskRun run)
    {
        var leased = await AcquireAsync(record, context, log, run, workers.Keys);
        if (!leased.IsSuccess)
        {
            return leased.Problem;
        }

        workers.Add(leased.Value.Plan, leased.Value.Granted);
        Announce(leased.Value.Granted, leased.Value.Plan, log, leased.Value.Waited);
        return null;
    }

    /// <summary>
    /// Waits until every pool of the task's plan not in <paramref name="held"/> has a worker for it, and takes them
    /// all at once; or fails after the lease timeout, or when the task is stopped. The plan is made again at each
    /// attempt, so that changes of health or of enabled count. The task waits in line (see <see cref="WorkerLeases"/>)
    /// from its first refusal to the end of the wait.
    /// </summary>
    private async Task<Result<LeaseGrant>> AcquireAsync(TaskRecord record, TaskContext context, TaskLogWriter log, TaskRun run, IReadOnlyCollection<string> held)
    {
        var taskId = record.Current.Id;
        var timeout = configuration.Get().LeaseTimeout();
        var started = time.GetUtcNow();
        var announced = "";
        try
        {
            while (true)
            {
                var released = leases.Released;
                var plan = Plan(record.Current, context);
                var attempt = leases.TryAcquire(taskId, plan.Demands.Values.Where(d => !held.Contains(d.Key)).ToList());
                if (attempt.Granted is { } granted)
                {
                    return new LeaseGrant(plan, granted, announced.Length > 0);
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
                    waits.Set(taskId, LeaseWait, new TaskWaitReason(WaitKind.WorkerLease, $"Waiting for a worker: {reason}.",
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
            waits.Clear(taskId, LeaseWait);
            leases.StopWaiting(taskId);
        }
    }

    /// <summary>
    /// The mutexes of the scripts a resumed task follows again, held again at once whoever else holds them (the
    /// scripts kept running through the restart), by invocation block, for <see cref="TaskWorkers.TakeReclaimed"/>.
    /// </summary>
    private Dictionary<string, MutexTicket> ReclaimMutexes(ServerTask task)
    {
        var reclaimed = new Dictionary<string, MutexTicket>(StringComparer.Ordinal);
        foreach (var step in task.Process.Steps.Where(s => s.Kind == StepKind.RunScript))
        {
            var running = task.Steps.FirstOrDefault(s => s.StepId == step.Id)?.Invocations ?? [];
            foreach (var invocation in running.Where(i => i is { State: TaskStepState.Running, Ticket.Length: > 0, WorkerId.Length: > 0 }))
            {
                reclaimed.TryAdd(invocation.Block, mutexes.Reclaim(invocation.WorkerId, ScriptStep.MutexName(step), task.Id, step.Isolation == ScriptIsolation.Full));
            }
        }

        return reclaimed;
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

    /// <summary>Leases taken at once, with the plan they answer and whether the task waited for them.</summary>
    private sealed record LeaseGrant(PlacementPlan Plan, IReadOnlyList<WorkerLease> Granted, bool Waited);
}
