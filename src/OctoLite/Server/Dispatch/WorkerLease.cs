namespace OctoLite.Server.Dispatch;

/// <summary>One task's claim on one worker for one pool, held from the task's start to its end (<see cref="WorkerLeases"/>).</summary>
/// <param name="Key">The demand it answers (<see cref="PoolDemand.Key"/>).</param>
/// <param name="Exclusive">No other task may hold the worker meanwhile.</param>
internal sealed record WorkerLease(string TaskId, string Key, string PoolName, LeaseCandidate Worker, bool Exclusive, DateTimeOffset Since)
{
    public string WorkerId => Worker.WorkerId;
}
