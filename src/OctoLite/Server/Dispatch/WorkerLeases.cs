namespace OctoLite.Server.Dispatch;

/// <summary>
/// The leases held on this node: which task holds which worker, for which pool, shared or exclusively. A task takes
/// all of its leases at once or none (<see cref="TryAcquire"/>), so two tasks waiting for each other's pools never
/// hold one each; it gives them back when it ends. Choosing and counting happen under one lock: two tasks starting
/// at once never both see the same worker as the least leased.
/// </summary>
/// <remarks>
/// A worker is chosen among the usable ones (enabled, not Unhealthy or Unavailable) that the task may share: not
/// held exclusively by another task, not held at all when the task needs it to itself, under its own cap and its
/// pool's. Of those, the one with the fewest leases wins — not round robin — and a tie goes to the one leased
/// least recently, then to the first by name, so that tasks run one after another still spread over a pool.
/// Leases live in memory only: after a restart, a resumed task takes its own again, pinned to the worker its
/// scripts still run on whatever that worker's state (<see cref="PoolDemand.Pinned"/>).
/// </remarks>
internal sealed class WorkerLeases(TimeProvider time)
{
    /// <summary>The built-in worker's id as a lease and mutex key: it is one pseudo-worker, shared by the tasks on it.</summary>
    public const string BuiltInWorkerId = "BuiltInWorker";
    public const string BuiltInWorkerName = "built-in worker";

    private readonly Lock _gate = new();
    private readonly List<WorkerLease> _active = [];
    private readonly Dictionary<string, long> _lastLeased = new(StringComparer.Ordinal);
    private long _granted;
    private TaskCompletionSource _released = NewSignal();

    /// <summary>Completes at the next release; take it before an attempt, so a release in between is not missed.</summary>
    public Task Released
    {
        get
        {
            lock (_gate)
            {
                return _released.Task;
            }
        }
    }

    /// <summary>Every lease held now, oldest first.</summary>
    public IReadOnlyList<WorkerLease> Active()
    {
        lock (_gate)
        {
            return _active.ToList();
        }
    }

    /// <summary>How many tasks hold a lease on the worker now.</summary>
    public int Count(string workerId)
    {
        lock (_gate)
        {
            return HoldersOf(_active, workerId, "").Count;
        }
    }

    /// <summary>Takes one worker for each demand, or nothing: then says, per pool that had none, why.</summary>
    public LeaseAttempt TryAcquire(string taskId, IReadOnlyList<PoolDemand> demands)
    {
        lock (_gate)
        {
            var granted = new List<WorkerLease>();
            var refusals = new List<LeaseRefusal>();
            var now = time.GetUtcNow();
            foreach (var demand in demands)
            {
                var held = _active.Concat(granted).ToList();
                LeaseRefusal? refusal = null;
                var chosen = demand.Pinned ?? Choose(taskId, demand, held, out refusal);
                if (chosen is null)
                {
                    refusals.Add(refusal!);
                    continue;
                }

                granted.Add(new WorkerLease(taskId, demand.Key, demand.PoolName, chosen, demand.Exclusive, now));
            }

            if (refusals.Count > 0)
            {
                return new LeaseAttempt(null, refusals);
            }

            foreach (var lease in granted)
            {
                _active.Add(lease);
                _lastLeased[lease.WorkerId] = ++_granted;
            }

            return new LeaseAttempt(granted, []);
        }
    }

    /// <summary>Gives back every lease of the task; waiting tasks try again.</summary>
    public void Release(string taskId)
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            if (_active.RemoveAll(l => l.TaskId == taskId) == 0)
            {
                return;
            }

            released = _released;
            _released = NewSignal();
        }

        released.TrySetResult();
    }

    private LeaseCandidate? Choose(string taskId, PoolDemand demand, List<WorkerLease> held, out LeaseRefusal? refusal)
    {
        refusal = null;
        var blockers = new List<string>();
        if (demand.MaxConcurrentLeases is { } poolCap && !held.Any(l => l.TaskId == taskId && l.Key == demand.Key))
        {
            var inPool = held.Where(l => l.Key == demand.Key && l.TaskId != taskId).Select(l => l.TaskId).Distinct(StringComparer.Ordinal).ToList();
            if (inPool.Count >= poolCap)
            {
                refusal = new LeaseRefusal(demand.Key, $"{demand.Description}: at its cap of {poolCap} concurrent lease(s), held by {string.Join(", ", inPool)}", inPool);
                return null;
            }
        }

        var reasons = new List<string>();
        var usable = new List<(LeaseCandidate Candidate, int Leases, long LastLeased, int Order)>();
        foreach (var (candidate, order) in demand.Workers.Select((c, i) => (c, i)))
        {
            var others = HoldersOf(held, candidate.WorkerId, taskId);
            var exclusiveHolder = held.FirstOrDefault(l => l.WorkerId == candidate.WorkerId && l.TaskId != taskId && l.Exclusive);
            var mine = held.Any(l => l.WorkerId == candidate.WorkerId && l.TaskId == taskId);
            string? blocked = null;
            if (candidate.Unusable is { } unusable)
            {
                blocked = unusable;
            }
            else if (exclusiveHolder is not null)
            {
                blocked = $"leased exclusively by {exclusiveHolder.TaskId}";
                blockers.Add(exclusiveHolder.TaskId);
            }
            else if (demand.Exclusive && others.Count > 0)
            {
                blocked = $"in use by {string.Join(", ", others)} (this task needs a worker to itself)";
                blockers.AddRange(others);
            }
            else if (candidate.MaxConcurrentLeases is { } cap && !mine && others.Count >= cap)
            {
                blocked = $"at its cap of {cap} concurrent lease(s)";
                blockers.AddRange(others);
            }

            if (blocked is null)
            {
                usable.Add((candidate, others.Count, _lastLeased.GetValueOrDefault(candidate.WorkerId), order));
            }
            else
            {
                reasons.Add(blocked);
            }
        }

        if (usable.Count > 0)
        {
            return usable.OrderBy(u => u.Leases).ThenBy(u => u.LastLeased).ThenBy(u => u.Order).First().Candidate;
        }

        var counted = reasons.GroupBy(r => r, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var workers = demand.Workers.Count == 1 ? "1 worker" : $"{demand.Workers.Count} workers";
        var text = demand.Workers.Count == 0 ? $"{demand.Description}: no workers" : $"{demand.Description}: {workers}, {string.Join(", ", counted)}";
        refusal = new LeaseRefusal(demand.Key, text, blockers.Distinct(StringComparer.Ordinal).ToList());
        return null;
    }

    /// <summary>The tasks other than <paramref name="taskId"/> that hold the worker, by id.</summary>
    private static List<string> HoldersOf(IEnumerable<WorkerLease> held, string workerId, string taskId) =>
        held.Where(l => l.WorkerId == workerId && l.TaskId != taskId).Select(l => l.TaskId).Distinct(StringComparer.Ordinal).ToList();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
