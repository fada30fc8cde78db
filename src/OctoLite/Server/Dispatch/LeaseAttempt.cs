namespace OctoLite.Server.Dispatch;

/// <summary>The outcome of <see cref="WorkerLeases.TryAcquire"/>: every lease asked for, or none and why.</summary>
/// <param name="Ahead">When refused: the tasks that wait for a worker of the same pools since before this one, first in line first.</param>
internal sealed record LeaseAttempt(IReadOnlyList<WorkerLease>? Granted, IReadOnlyList<LeaseRefusal> Refusals, IReadOnlyList<string>? Ahead = null)
{
    public bool IsGranted => Granted is not null;
}
