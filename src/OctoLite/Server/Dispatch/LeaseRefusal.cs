namespace OctoLite.Server.Dispatch;

/// <summary>Why one pool has no worker for a task now, e.g. "pool Remote: 2 workers, 1 unavailable, 1 leased exclusively by ServerTasks-7".</summary>
/// <param name="BlockedBy">The tasks whose leases stand in the way, if any.</param>
internal sealed record LeaseRefusal(string Key, string Reason, IReadOnlyList<string> BlockedBy);
