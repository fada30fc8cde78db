namespace OctoLite.Workers;

/// <summary>
/// How many steps run on each worker right now, so that a pool's steps spread over its workers. Choosing and
/// counting happen under one lock: two steps placed at once never both see the same worker as the idlest.
/// </summary>
internal sealed class WorkerLoad
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>Steps running on <paramref name="workerId"/> now.</summary>
    public int Running(string workerId)
    {
        lock (_gate)
        {
            return _running.GetValueOrDefault(workerId);
        }
    }

    /// <summary>
    /// Picks the candidate running the fewest steps (ties go to the earlier candidate: order them by name) and counts
    /// one more step on it until the returned lease is disposed.
    /// </summary>
    public WorkerLease Acquire(IReadOnlyList<string> candidateIds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidateIds.Count);
        lock (_gate)
        {
            var chosen = candidateIds.MinBy(_running.GetValueOrDefault)!;
            _running[chosen] = _running.GetValueOrDefault(chosen) + 1;
            return new WorkerLease(this, chosen);
        }
    }

    internal void Release(string workerId)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(workerId, out var count) && count > 1)
            {
                _running[workerId] = count - 1;
            }
            else
            {
                _running.Remove(workerId);
            }
        }
    }
}
