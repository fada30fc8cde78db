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
/// <para>
/// Tasks refused a lease wait in line, in the order they were first refused, until they take their leases or stop
/// waiting (<see cref="StopWaiting"/>, <see cref="Release"/>). A task never takes what a task ahead of it in line is
/// kept: the workers (or the place under a pool's cap) that other tasks' leases keep from that task, or, once it
/// could take all its leases, those leases. So a task needing a worker to itself is not passed, release after
/// release, by tasks that share the worker; a task that waits only for workers to become usable (health, enabled)
/// keeps nothing from anyone.
/// </para>
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
    private readonly List<Waiter> _waiters = [];
    private readonly Dictionary<string, long> _lastLeased = new(StringComparer.Ordinal);
    private long _granted;
    private TaskCompletionSource _released = NewSignal();

    /// <summary>
    /// Completes at the next release, or when a task leaves the line (it took its leases or stopped waiting); take it
    /// before an attempt, so a change in between is not missed.
    /// </summary>
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

    /// <summary>The tasks waiting in line for a lease now, first in line first.</summary>
    public IReadOnlyList<string> Waiting()
    {
        lock (_gate)
        {
            return _waiters.Select(w => w.TaskId).ToList();
        }
    }

    /// <summary>How many tasks hold a lease on the worker now.</summary>
    public int Count(string workerId)
    {
        lock (_gate)
        {
            return HoldersOf(_active.Select(LeaseClaim.Of), workerId, "").Count;
        }
    }

    /// <summary>
    /// Takes one worker for each demand, or nothing: then says, per pool that had none, why, and the task waits in
    /// line (from its first refusal) until it takes them or calls <see cref="StopWaiting"/>.
    /// </summary>
    public LeaseAttempt TryAcquire(string taskId, IReadOnlyList<PoolDemand> demands)
    {
        TaskCompletionSource? left = null;
        LeaseAttempt attempt;
        lock (_gate)
        {
            var place = _waiters.FindIndex(w => w.TaskId == taskId);
            var ahead = place < 0 ? _waiters.ToList() : _waiters.GetRange(0, place);
            var claims = _active.Select(LeaseClaim.Of).Concat(Kept(ahead)).ToList();
            var granted = new List<WorkerLease>();
            var refusals = new List<LeaseRefusal>();
            var now = time.GetUtcNow();
            foreach (var demand in demands)
            {
                LeaseRefusal? refusal = null;
                var chosen = demand.Pinned ?? Choose(taskId, demand, claims, out refusal);
                if (chosen is null)
                {
                    refusals.Add(refusal!);
                    continue;
                }

                var lease = new WorkerLease(taskId, demand.Key, demand.PoolName, chosen, demand.Exclusive, now);
                granted.Add(lease);
                claims.Add(LeaseClaim.Of(lease));
            }

            if (refusals.Count > 0)
            {
                var keys = demands.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
                var inLine = ahead.Where(w => w.Demands.Any(d => keys.Contains(d.Key))).Select(w => w.TaskId).ToList();
                if (place < 0)
                {
                    _waiters.Add(new Waiter(taskId, demands));
                }
                else
                {
                    _waiters[place] = new Waiter(taskId, demands);
                }

                attempt = new LeaseAttempt(null, refusals, inLine);
            }
            else
            {
                foreach (var lease in granted)
                {
                    _active.Add(lease);
                    _lastLeased[lease.WorkerId] = ++_granted;
                }

                if (place >= 0)
                {
                    _waiters.RemoveAt(place);
                    left = TakeSignal();
                }

                attempt = new LeaseAttempt(granted, []);
            }
        }

        left?.TrySetResult();
        return attempt;
    }

    /// <summary>The task no longer waits for a lease (it timed out, was stopped, or will ask again later): it leaves the line.</summary>
    public void StopWaiting(string taskId)
    {
        TaskCompletionSource left;
        lock (_gate)
        {
            if (_waiters.RemoveAll(w => w.TaskId == taskId) == 0)
            {
                return;
            }

            left = TakeSignal();
        }

        left.TrySetResult();
    }

    /// <summary>Gives back every lease of the task, and its place in line; waiting tasks try again.</summary>
    public void Release(string taskId)
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            if (_active.RemoveAll(l => l.TaskId == taskId) + _waiters.RemoveAll(w => w.TaskId == taskId) == 0)
            {
                return;
            }

            released = TakeSignal();
        }

        released.TrySetResult();
    }

    /// <summary>
    /// What the tasks in <paramref name="ahead"/> are kept, each after those ahead of it: a task that could take all
    /// its leases now keeps them; one refused by other tasks keeps the usable workers (or the place under the pool's
    /// cap) of each pool they keep from it; one refused only by unusable workers keeps nothing.
    /// </summary>
    private List<LeaseClaim> Kept(IReadOnlyList<Waiter> ahead)
    {
        var claims = _active.Select(LeaseClaim.Of).ToList();
        var kept = new List<LeaseClaim>();
        foreach (var waiter in ahead)
        {
            var wouldTake = new List<LeaseClaim>();
            var waitsFor = new List<LeaseClaim>();
            var demands = waiter.Demands.Where(d => d.Pinned is null).ToList();
            foreach (var demand in demands)
            {
                var chosen = Choose(waiter.TaskId, demand, [.. claims, .. kept, .. wouldTake], out var refusal);
                if (chosen is not null)
                {
                    wouldTake.Add(new LeaseClaim(waiter.TaskId, demand.Key, chosen.WorkerId, demand.Exclusive, Reserved: true));
                }
                else if (refusal!.BlockedBy.Count > 0)
                {
                    waitsFor.AddRange(refusal.AtPoolCap
                        ? [new LeaseClaim(waiter.TaskId, demand.Key, null, demand.Exclusive, Reserved: true)]
                        : demand.Workers.Where(c => c.Unusable is null).Select(c => new LeaseClaim(waiter.TaskId, demand.Key, c.WorkerId, demand.Exclusive, Reserved: true)));
                }
            }

            kept.AddRange(waitsFor.Count > 0 ? waitsFor : wouldTake.Count == demands.Count ? wouldTake : []);
        }

        return kept;
    }

    private LeaseCandidate? Choose(string taskId, PoolDemand demand, IReadOnlyList<LeaseClaim> claims, out LeaseRefusal? refusal)
    {
        refusal = null;
        var blockers = new List<string>();
        var others = claims.Where(c => c.TaskId != taskId).ToList();
        if (demand.MaxConcurrentLeases is { } poolCap && !claims.Any(c => c.TaskId == taskId && c.Key == demand.Key && !c.Reserved))
        {
            var inPool = Distinct(others.Where(c => c.Key == demand.Key && !c.Reserved));
            var keptInPool = Distinct(others.Where(c => c.Key == demand.Key && c.Reserved)).Except(inPool, StringComparer.Ordinal).ToList();
            if (inPool.Count >= poolCap)
            {
                refusal = new LeaseRefusal(demand.Key, $"{demand.Description}: at its cap of {poolCap} concurrent lease(s), held by {string.Join(", ", inPool)}", inPool, AtPoolCap: true);
                return null;
            }

            if (inPool.Count + keptInPool.Count >= poolCap)
            {
                var held = inPool.Count > 0 ? $"held by {string.Join(", ", inPool)} and " : "";
                refusal = new LeaseRefusal(demand.Key,
                    $"{demand.Description}: at its cap of {poolCap} concurrent lease(s), {held}kept for {string.Join(", ", keptInPool)}, waiting ahead of this task", [.. inPool, .. keptInPool], AtPoolCap: true);
                return null;
            }
        }

        var reasons = new List<string>();
        var usable = new List<(LeaseCandidate Candidate, int Leases, long LastLeased, int Order)>();
        foreach (var (candidate, order) in demand.Workers.Select((c, i) => (c, i)))
        {
            var holders = HoldersOf(others.Where(c => !c.Reserved), candidate.WorkerId, taskId);
            var exclusiveHolder = others.FirstOrDefault(c => c.WorkerId == candidate.WorkerId && !c.Reserved && c.Exclusive);
            var mine = claims.Any(c => c.WorkerId == candidate.WorkerId && c.TaskId == taskId && !c.Reserved);
            var keptFor = HoldersOf(others.Where(c => c.Reserved), candidate.WorkerId, taskId).Except(holders, StringComparer.Ordinal).ToList();
            var keptAlone = others.Any(c => c.WorkerId == candidate.WorkerId && c.Reserved && c.Exclusive);
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
            else if (demand.Exclusive && holders.Count > 0)
            {
                blocked = $"in use by {string.Join(", ", holders)} (this task needs a worker to itself)";
                blockers.AddRange(holders);
            }
            else if (candidate.MaxConcurrentLeases is { } cap && !mine && holders.Count >= cap)
            {
                blocked = $"at its cap of {cap} concurrent lease(s)";
                blockers.AddRange(holders);
            }
            else if (!mine && keptFor.Count > 0 && (keptAlone || demand.Exclusive || candidate.MaxConcurrentLeases is { } room && holders.Count + keptFor.Count >= room))
            {
                blocked = $"kept for {string.Join(", ", keptFor)}, waiting ahead of this task";
                blockers.AddRange(keptFor);
            }

            if (blocked is null)
            {
                usable.Add((candidate, holders.Count, _lastLeased.GetValueOrDefault(candidate.WorkerId), order));
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

    /// <summary>The tasks other than <paramref name="taskId"/> with a claim on the worker, by id.</summary>
    private static List<string> HoldersOf(IEnumerable<LeaseClaim> claims, string workerId, string taskId) =>
        Distinct(claims.Where(c => c.WorkerId == workerId && c.TaskId != taskId));

    private static List<string> Distinct(IEnumerable<LeaseClaim> claims) => claims.Select(c => c.TaskId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The signal to complete (outside the lock) for a change now, replaced by a fresh one. Called under the lock.</summary>
    private TaskCompletionSource TakeSignal()
    {
        var signal = _released;
        _released = NewSignal();
        return signal;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task in line for leases, with what it last asked for.</summary>
    private sealed record Waiter(string TaskId, IReadOnlyList<PoolDemand> Demands);
}
