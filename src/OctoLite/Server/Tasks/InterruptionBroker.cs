using OctoLite.Domain;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Hands a manual intervention's resolution to the executor waiting on it. The executor owns its task's document
/// while it runs, so a resolution must reach it rather than be written behind its back: a resolution that arrives
/// before the executor waits (a task resuming after a restart) is kept here until it asks.
/// </summary>
internal sealed class InterruptionBroker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<Interruption>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interruption> _early = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interruption> _resolved = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="interruption"/> to be resolved; returns it resolved.</summary>
    public async Task<Interruption> WaitAsync(string taskId, Interruption interruption, CancellationToken cancellationToken)
    {
        var key = Key(taskId, interruption.Id);
        TaskCompletionSource<Interruption> waiter;
        lock (_gate)
        {
            if (_early.Remove(key, out var resolved))
            {
                return resolved;
            }

            waiter = new TaskCompletionSource<Interruption>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[key] = waiter;
        }

        try
        {
            return await waiter.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiting.Remove(key);
            }
        }
    }

    /// <summary>
    /// Delivers a resolution (to the waiting executor, or kept for its next wait). An interruption is resolved once:
    /// a second answer gets back the first one and changes nothing.
    /// </summary>
    public Interruption Resolve(string taskId, Interruption resolved)
    {
        lock (_gate)
        {
            var key = Key(taskId, resolved.Id);
            if (_resolved.TryGetValue(key, out var first))
            {
                return first;
            }

            _resolved[key] = resolved;
            if (_waiting.Remove(key, out var waiter))
            {
                waiter.TrySetResult(resolved);
            }
            else
            {
                _early[key] = resolved;
            }

            return resolved;
        }
    }

    /// <summary>Drops what is kept for a task that has ended.</summary>
    public void Forget(string taskId)
    {
        lock (_gate)
        {
            foreach (var key in _early.Keys.Concat(_resolved.Keys).Where(k => k.StartsWith(taskId + "/", StringComparison.Ordinal)).ToList())
            {
                _early.Remove(key);
                _resolved.Remove(key);
            }
        }
    }

    private static string Key(string taskId, string interruptionId) => $"{taskId}/{interruptionId}";
}
