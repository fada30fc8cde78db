namespace OctoLite.Server.Tasks;

/// <summary>
/// Tells readers of a task that it changed (new log lines stored, new state). A reader takes <see cref="Next"/>
/// before it reads, then awaits it: a change between its read and its wait is never missed.
/// </summary>
internal sealed class TaskSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next change of <paramref name="taskId"/>.</summary>
    public Task Next(string taskId)
    {
        lock (_gate)
        {
            if (!_next.TryGetValue(taskId, out var source))
            {
                source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _next.Add(taskId, source);
            }

            return source.Task;
        }
    }

    /// <summary>
    /// Called by a reader that found the task finished: a finished task changes no more, so its pending signal is
    /// released (waking any other reader, who re-reads and finds it finished too) instead of being kept forever.
    /// </summary>
    public void Forget(string taskId) => Pulse(taskId);

    public void Pulse(string taskId)
    {
        TaskCompletionSource? source;
        lock (_gate)
        {
            if (!_next.Remove(taskId, out source))
            {
                return;
            }
        }

        source.TrySetResult();
    }
}
