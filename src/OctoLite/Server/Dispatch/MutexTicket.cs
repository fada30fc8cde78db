namespace OctoLite.Server.Dispatch;

/// <summary>
/// One script's request for a named mutex on a worker (<see cref="ScriptMutexes"/>): waiting until
/// <see cref="Granted"/> completes, then held. Disposing gives it back, or stops waiting; disposing twice counts once.
/// </summary>
internal sealed class MutexTicket(ScriptMutexes mutexes, (string Worker, string Name) key, string taskId, bool exclusive) : IDisposable
{
    private readonly TaskCompletionSource _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left;

    public (string Worker, string Name) Key { get; } = key;

    public string TaskId { get; } = taskId;

    /// <summary>Held alone (isolation Full) rather than shared (isolation None).</summary>
    public bool Exclusive { get; } = exclusive;

    public Task Granted => _granted.Task;

    internal void MarkGranted() => _granted.TrySetResult();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            mutexes.Leave(this);
        }
    }
}
