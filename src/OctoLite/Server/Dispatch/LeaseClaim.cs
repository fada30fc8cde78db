namespace OctoLite.Server.Dispatch;

/// <summary>
/// What stands between a task and a worker when <see cref="WorkerLeases"/> chooses: a lease another task holds, or
/// what a task waiting since before it is kept (<see cref="Reserved"/>), so that later tasks do not pass it.
/// </summary>
/// <param name="WorkerId">The worker claimed; null for a waiter's place under its pool's cap.</param>
internal sealed record LeaseClaim(string TaskId, string Key, string? WorkerId, bool Exclusive, bool Reserved)
{
    public static LeaseClaim Of(WorkerLease lease) => new(lease.TaskId, lease.Key, lease.WorkerId, lease.Exclusive, Reserved: false);
}
