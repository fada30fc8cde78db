namespace OctoLite.Server.Tasks;

/// <summary>Why a running task is being stopped before it finished on its own.</summary>
internal enum StopReason
{
    None,
    Canceled,
    TimedOut,
    ServerStopping,
}

/// <summary>The handle the engine keeps on one executing task: its cancellation, and why it was stopped.</summary>
internal sealed class TaskRun(string taskId, string concurrencyTag = "") : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _reason;
    private bool _disposed;

    public string TaskId { get; } = taskId;

    /// <summary>No other task with this tag starts while this one runs; empty for none.</summary>
    public string ConcurrencyTag { get; } = concurrencyTag;

    /// <summary>A Health task: it runs in a health slot, not in one of the task cap's (<see cref="TaskEngine"/>).</summary>
    public bool IsHealth { get; init; }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first reason given to <see cref="Stop"/>; later ones do not replace it.</summary>
    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    public string StoppedBy { get; private set; } = "";

    /// <summary>The execution, set when it starts.</summary>
    public Task Execution { get; set; } = Task.CompletedTask;

    public void Stop(StopReason reason, string by = "")
    {
        MarkStopping(reason, by);
        lock (_stop)
        {
            // A task's timeout timer can fire just as the run ends and is disposed: then there is nothing to stop.
            if (!_disposed)
            {
                _stop.Cancel();
            }
        }
    }

    /// <summary>Records why the run is about to be stopped, without stopping it yet (safe under the store's lock).</summary>
    public void MarkStopping(StopReason reason, string by = "")
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) == (int)StopReason.None)
        {
            StoppedBy = by;
        }
    }

    public void Dispose()
    {
        lock (_stop)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }
}
