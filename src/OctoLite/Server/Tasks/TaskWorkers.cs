using OctoLite.Domain;
using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The workers a task leased, one per pool its process uses: every invocation in a pool runs on that pool's worker.
/// A task leases them all when it starts; a resumed task holds those its running scripts are pinned to from the
/// start, and leases the others, all at once, when a step first needs one of them (<see cref="PlaceAsync"/>). Also
/// holds the mutexes a resumed task's running scripts took back. Disposing gives everything back.
/// </summary>
/// <param name="reclaimed">Mutexes held again for scripts followed after a restart, by invocation block.</param>
/// <param name="leaseMore">Leases the pools of the plan not held yet; returns null when done, else why not.</param>
internal sealed class TaskWorkers(
    WorkerLeases leases, string taskId, PlacementPlan plan, IReadOnlyList<WorkerLease> granted, Dictionary<string, MutexTicket> reclaimed, Func<TaskWorkers, Task<Problem?>> leaseMore)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<WorkerLease> _granted = [.. granted];
    private PlacementPlan _plan = plan;
    private Task<Problem?>? _leasing;
    private int _released;

    public IReadOnlyList<WorkerLease> Leases
    {
        get
        {
            lock (_gate)
            {
                return _granted.ToList();
            }
        }
    }

    /// <summary>The demand keys (pools) leased so far.</summary>
    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return _granted.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Where an invocation runs: its pool's leased worker, or why the pool cannot run it. A pool not leased yet (by a
    /// resumed task) is leased first, with every other pool not leased yet, waiting as a starting task would; one
    /// wait serves all the invocations that need it. A stop of the task ends it: then <see cref="TaskRun.Reason"/> says why.
    /// </summary>
    /// <param name="poolReference">As <see cref="WorkerPlacement.PoolReference"/> gives it.</param>
    public async Task<Result<StepPlacement>> PlaceAsync(string poolReference)
    {
        for (var attempt = 0; ; attempt++)
        {
            Task<Problem?> leasing;
            lock (_gate)
            {
                if (!_plan.Keys.TryGetValue(poolReference, out var key))
                {
                    return new Problem(409, "No lease", $"This task leased no worker for pool {(poolReference.Length == 0 ? "(default)" : poolReference)} when it started; run it again.");
                }

                if (_plan.Problems.TryGetValue(key, out var problem))
                {
                    return problem;
                }

                if (_granted.FirstOrDefault(l => l.Key == key) is { } lease)
                {
                    return lease.Worker.Worker is { } worker ? new StepPlacement(worker.Name, worker, lease.Worker.StartRetryLimit) : StepPlacement.BuiltIn;
                }

                if (attempt > 0)
                {
                    return new Problem(409, "No lease", $"This task could not lease a worker for pool {(poolReference.Length == 0 ? "(default)" : poolReference)}; run it again.");
                }

                leasing = _leasing ??= LeaseMoreAsync();
            }

            if (await leasing is { } refused)
            {
                return refused;
            }
        }
    }

    /// <summary>Adds leases taken after the start, and the plan they were taken for (its pools take over from the earlier plan's).</summary>
    public void Add(PlacementPlan newer, IReadOnlyList<WorkerLease> more)
    {
        lock (_gate)
        {
            _granted.AddRange(more);
            _plan = _plan.With(newer);
        }
    }

    /// <summary>The mutex a resumed script's invocation took back when the task started, handed over to whoever follows the script; null if none.</summary>
    public MutexTicket? TakeReclaimed(string block)
    {
        lock (_gate)
        {
            return reclaimed.Remove(block, out var ticket) ? ticket : null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        List<MutexTicket> left;
        lock (_gate)
        {
            left = reclaimed.Values.ToList();
            reclaimed.Clear();
        }

        foreach (var ticket in left)
        {
            ticket.Dispose();
        }

        leases.Release(taskId);
    }

    /// <summary>One wait at a time; once it has ended, a later step that needs a pool still not leased waits again.</summary>
    private async Task<Problem?> LeaseMoreAsync()
    {
        await Task.Yield(); // the caller holds the lock
        try
        {
            return await leaseMore(this);
        }
        finally
        {
            lock (_gate)
            {
                _leasing = null;
            }
        }
    }
}
