namespace OctoLite.Workers;

/// <summary>One step counted as running on a worker (<see cref="WorkerLoad"/>) until disposed; disposing twice counts once.</summary>
internal sealed class WorkerLease(WorkerLoad load, string workerId) : IDisposable
{
    private int _released;

    public string WorkerId { get; } = workerId;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            load.Release(WorkerId);
        }
    }
}
