namespace OctoLite.Server.Dispatch;

/// <summary>
/// What a task needs from one pool to start: one of <see cref="Workers"/>, shared or to itself. A pinned demand (a
/// task resuming after a restart whose script still runs on a worker) takes that worker whatever its state.
/// </summary>
/// <param name="Key">How the task names the pool: its id, or <see cref="WorkerLeases.BuiltInWorkerId"/> for steps on the built-in worker.</param>
/// <param name="PoolName">For messages: the pool's name, or "" for the built-in worker itself.</param>
/// <param name="Workers">The pool's workers, by name.</param>
/// <param name="Exclusive">The task needs a worker no other task holds (OctopusBypassDeploymentMutex is False).</param>
/// <param name="MaxConcurrentLeases">The pool's cap on concurrent leases; null for none.</param>
/// <param name="Pinned">The worker to take again, whatever its state; null to choose.</param>
internal sealed record PoolDemand(string Key, string PoolName, IReadOnlyList<LeaseCandidate> Workers, bool Exclusive, int? MaxConcurrentLeases = null, LeaseCandidate? Pinned = null)
{
    /// <summary>"pool Remote", or "the built-in worker".</summary>
    public string Description => PoolName.Length > 0 ? $"pool {PoolName}" : $"the {WorkerLeases.BuiltInWorkerName}";

    /// <summary>True for the default pool: while it has workers, the built-in worker is not used for it.</summary>
    public bool IsDefaultPool { get; init; }
}
