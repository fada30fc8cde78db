namespace OctoLite.Server.Tasks;

/// <summary>
/// What executing tasks wait for right now (a worker lease, a mutex on a worker), kept by whoever waits so that
/// <c>task why</c> can tell. In memory only: nothing waits across a restart.
/// </summary>
internal sealed class TaskWaits
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, TaskWaitReason>> _waits = new(StringComparer.Ordinal);

    /// <summary>Records (or replaces) one wait of the task, under a key of the waiter's choosing.</summary>
    public void Set(string taskId, string key, TaskWaitReason reason)
    {
        lock (_gate)
        {
            if (!_waits.TryGetValue(taskId, out var waits))
            {
                _waits[taskId] = waits = new Dictionary<string, TaskWaitReason>(StringComparer.Ordinal);
            }

            waits[key] = reason;
        }
    }

    public void Clear(string taskId, string key)
    {
        lock (_gate)
        {
            if (_waits.TryGetValue(taskId, out var waits) && waits.Remove(key) && waits.Count == 0)
            {
                _waits.Remove(taskId);
            }
        }
    }

    /// <summary>The task's waits now, in the order they began.</summary>
    public IReadOnlyList<TaskWaitReason> Of(string taskId)
    {
        lock (_gate)
        {
            return _waits.TryGetValue(taskId, out var waits) ? waits.Values.OrderBy(w => w.Since).ToList() : [];
        }
    }

    /// <summary>Whether the task waits for anything now.</summary>
    public bool IsWaiting(string taskId)
    {
        lock (_gate)
        {
            return _waits.ContainsKey(taskId);
        }
    }
}
