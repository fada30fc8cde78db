namespace OctoLite.Server.Dispatch;

/// <summary>The outcome of <see cref="WorkerLeases.TryAcquire"/>: every lease asked for, or none and why.</summary>
internal sealed record LeaseAttempt(IReadOnlyList<WorkerLease>? Granted, IReadOnlyList<LeaseRefusal> Refusals)
{
    public bool IsGranted => Granted is not null;
}
