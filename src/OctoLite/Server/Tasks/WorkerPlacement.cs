using OctoLite.Domain;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Configuration;
using OctoLite.Server.Dispatch;
using OctoLite.Storage;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Where a task's scripts run, decided when the task starts: for each pool its process uses (each script step's pool,
/// or a target's default pool), one worker is leased for the whole task (WorkerPlacement.Lease.cs), and every
/// invocation of every step in that pool runs there. The built-in worker stands in for the default pool while that
/// pool has no workers, as in Octopus; a step may also ask for it outright. A pool whose tentacles (listening or
/// polling) are all disabled, Unhealthy, Unavailable or taken makes the task wait; a pool that cannot run a script
/// at all (gone, empty, SSH workers only) fails the steps that use it, naming the pool, when they run.
/// </summary>
internal sealed partial class WorkerPlacement(
    OctoStore store, WorkerLeases leases, ScriptMutexes mutexes, TaskWaits waits, ConfigurationService configuration, TentacleTimeouts timeouts, TimeProvider time)
{
    /// <summary>The variable that, set to False, gives a task its workers to itself (Octopus's deployment mutex). Default True on workers.</summary>
    public const string BypassMutexVariable = "OctopusBypassDeploymentMutex";

    /// <summary>How often a waiting task looks again at its pools' workers (health, enabled) besides when a lease is released.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The demands of a task: what to lease per pool, and why a pool cannot run its steps.</summary>
    internal PlacementPlan Plan(ServerTask task, TaskContext context) => store.Read(s =>
    {
        var plan = new PlacementPlan();
        var exclusive = new Dictionary<string, bool>(StringComparer.Ordinal);
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (step, number) in task.Process.Steps.Select((step, i) => (step, i + 1)))
        {
            var state = task.Steps.FirstOrDefault(t => t.StepId == step.Id);
            if (step.Kind != StepKind.RunScript || state?.State is not (TaskStepState.Pending or TaskStepState.Running) || (task.SkippedStepIds ?? []).Contains(step.Id))
            {
                continue;
            }

            List<DeploymentTarget?> targets = step.ExecutionLocation == ExecutionLocation.WorkerPoolOnBehalfOfRoles ? [.. context.TargetsIn(step.Roles)] : [null];
            foreach (var target in targets)
            {
                var reference = PoolReference(step, target);
                exclusive[reference] = exclusive.GetValueOrDefault(reference) || !Bypasses(context.VariablesFor(step, number, target, target?.Name ?? ""));
            }

            // A script left running on a tentacle by a server restart is followed there again: its pool keeps that worker.
            foreach (var invocation in (state.Invocations ?? []).Where(i => i is { State: TaskStepState.Running, Ticket.Length: > 0, WorkerId.Length: > 0 }))
            {
                var target = invocation.TargetId.Length == 0 ? null : context.Targets.FirstOrDefault(t => t.Id == invocation.TargetId);
                pins.TryAdd(PoolReference(step, target), invocation.WorkerId);
            }
        }

        var pools = s.Pools.All();
        var workers = s.Workers.All().OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
        foreach (var (reference, isExclusive) in exclusive)
        {
            var demand = Demand(s, reference, isExclusive, pools, workers);
            if (!demand.IsSuccess)
            {
                plan.Keys[reference] = reference;
                plan.Problems[reference] = demand.Problem;
                continue;
            }

            var key = demand.Value.Key;
            plan.Keys[reference] = key;
            var pinned = pins.TryGetValue(reference, out var pinnedId) && workers.FirstOrDefault(w => w.Id == pinnedId) is { } worker ? Candidate(s, worker, null) : null;
            var merged = plan.Demands.TryGetValue(key, out var earlier) ? earlier with { Exclusive = earlier.Exclusive || isExclusive } : demand.Value;
            plan.Demands[key] = merged with { Pinned = merged.Pinned ?? pinned };
        }

        return plan;
    });

    /// <summary>How a step names where one invocation runs: <see cref="WorkerLeases.BuiltInWorkerId"/>, a pool id, or "" for the default pool.</summary>
    public static string PoolReference(Step step, DeploymentTarget? target) =>
        step.ExecutionLocation == ExecutionLocation.BuiltInWorker ? WorkerLeases.BuiltInWorkerId
        : target is { DefaultWorkerPoolId.Length: > 0 } ? target.DefaultWorkerPoolId
        : step.WorkerPool;

    /// <summary>Whether the task may share its workers: <see cref="BypassMutexVariable"/> is True unless set to a false value.</summary>
    private static bool Bypasses(ScriptVariableSet variables) =>
        variables.GetValue(BypassMutexVariable) is not { } value || value.Trim().Length == 0 || Projects.StepRules.IsTruthy(value);

    private Result<PoolDemand> Demand(StoreSession s, string reference, bool exclusive, IReadOnlyList<WorkerPool> pools, IReadOnlyList<Worker> workers)
    {
        if (reference == WorkerLeases.BuiltInWorkerId)
        {
            return new PoolDemand(WorkerLeases.BuiltInWorkerId, "", [LeaseCandidate.BuiltIn], exclusive);
        }

        var pool = reference.Length == 0 ? pools.FirstOrDefault(p => p.IsDefault) : pools.FirstOrDefault(p => p.Id == reference);
        if (pool is null)
        {
            return reference.Length == 0
                ? new Problem(409, "No default pool", "There is no default worker pool; make one the default with `octolite pool set-default`.")
                : new Problem(409, "Pool missing", $"Worker pool {reference} no longer exists; edit the process to choose another pool.");
        }

        var members = workers.Where(w => w.WorkerPoolIds.Contains(pool.Id)).ToList();
        if (members.Count == 0)
        {
            return pool.IsDefault
                ? new PoolDemand(pool.Id, pool.Name, [LeaseCandidate.BuiltIn], exclusive, pool.MaxConcurrentLeases)
                : new Problem(409, "No workers", $"Worker pool '{pool.Name}' has no workers: add one with `octolite worker register-listening --pool \"{pool.Name}\" …`, or run the step on another pool.");
        }

        if (!members.Any(IsTentacle))
        {
            return new Problem(409, "No worker transport",
                $"Worker pool '{pool.Name}' has {members.Count} worker(s) ({string.Join(", ", members.Select(w => $"{w.Name}: {w.Endpoint.CommunicationStyle}"))}), and this server version runs steps only on "
                + "the built-in worker and tentacles (TentaclePassive, TentacleActive); SSH workers arrive later" + (pool.IsDefault ? ". While the default pool has workers the built-in worker is not used for it: run the step on the built-in worker (ExecutionLocation BuiltInWorker), or remove the workers from the pool." : "."));
        }

        return new PoolDemand(pool.Id, pool.Name, members.Select(w => Candidate(s, w, Unusable(w))).ToList(), exclusive, pool.MaxConcurrentLeases) { IsDefaultPool = pool.IsDefault };
    }

    /// <summary>
    /// Why a worker cannot be leased now, or null. Unknown (never checked) and HasWarnings are usable: a new worker
    /// runs steps before its first health check, as in Octopus; Unhealthy and Unavailable ones are passed over.
    /// </summary>
    private static string? Unusable(Worker worker) =>
        !IsTentacle(worker) ? $"{worker.Endpoint.CommunicationStyle} (not supported yet)"
        : worker.IsDisabled ? "disabled"
        : worker.HealthStatus switch
        {
            HealthStatus.Unhealthy => "unhealthy",
            HealthStatus.Unavailable => "unavailable",
            _ => null,
        };

    private static bool IsTentacle(Worker worker) => worker.Endpoint.CommunicationStyle.IsTentacle();

    /// <summary>A worker as a lease candidate, with how long to keep trying to start on it: a listening tentacle's connect timeout, or how long a polling one's call waits to be collected.</summary>
    private LeaseCandidate Candidate(StoreSession s, Worker worker, string? unusable) =>
        new(worker, StartLimit(s, worker), unusable);

    private TimeSpan StartLimit(StoreSession s, Worker worker) =>
        s.Policies.Get(worker.MachinePolicyId)?.StartLimit(worker.Endpoint.CommunicationStyle) ?? timeouts.StartRetryLimit;

    /// <summary>
    /// The worker a script already runs on (a task resumed after a restart follows it there again). Fails when the
    /// worker has been deleted meanwhile; a disabled one is still followed.
    /// </summary>
    /// <param name="workerId">The worker recorded on the invocation.</param>
    /// <param name="workerName">Its name as recorded, for the message when it is gone.</param>
    public Result<StepPlacement> Rejoin(string workerId, string workerName)
    {
        var (worker, startLimit) = store.Read<(Worker? Worker, TimeSpan Limit)>(s => s.Workers.Get(workerId) is { } found
            ? (found, StartLimit(s, found))
            : (null, TimeSpan.Zero));
        if (worker is null)
        {
            return new Problem(409, "Worker missing",
                $"Worker '{workerName}' ({workerId}), where this script was running when the server restarted, has been deleted since; the script may still run there and its outcome is unknown.");
        }

        return new StepPlacement(worker.Name, worker, startLimit);
    }
}
