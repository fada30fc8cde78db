using OctoLite.Domain;

namespace OctoLite.Server.Dispatch;

/// <summary>A worker a pool offers for a lease: the built-in worker when <see cref="Worker"/> is null.</summary>
/// <param name="Worker">The tentacle, or null for the built-in worker.</param>
/// <param name="StartRetryLimit">How long a step keeps trying to reach it (from its machine policy).</param>
/// <param name="Unusable">Why it cannot be leased now ("disabled", "unavailable", …); null when it can.</param>
internal sealed record LeaseCandidate(Worker? Worker, TimeSpan StartRetryLimit = default, string? Unusable = null)
{
    /// <summary>The built-in worker, a pseudo-worker: always usable, never capped.</summary>
    public static LeaseCandidate BuiltIn { get; } = new((Worker?)null);

    public string WorkerId => Worker?.Id ?? WorkerLeases.BuiltInWorkerId;

    public string Name => Worker?.Name ?? WorkerLeases.BuiltInWorkerName;

    /// <summary>The worker's own cap on concurrent leases; null for none.</summary>
    public int? MaxConcurrentLeases => Worker?.MaxConcurrentLeases;
}
