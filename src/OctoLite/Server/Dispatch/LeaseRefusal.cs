namespace OctoLite.Server.Dispatch;

/// <summary>Why one pool has no worker for a task now, e.g. "pool Remote: 2 workers, 1 unavailable, 1 leased exclusively by ServerTasks-7".</summary>
/// <param name="BlockedBy">The tasks whose leases, or places in line, stand in the way, if any.</param>
/// <param name="AtPoolCap">Refused by the pool's own cap, whatever its workers' state.</param>
internal sealed record LeaseRefusal(string Key, string Reason, IReadOnlyList<string> BlockedBy, bool AtPoolCap = false);
