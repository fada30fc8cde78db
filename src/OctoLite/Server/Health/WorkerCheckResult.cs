using OctoLite.Domain;

namespace OctoLite.Server.Health;

/// <summary>What one health check found on one worker.</summary>
/// <param name="Capabilities">What the worker said about itself; null when it could not be reached.</param>
internal sealed record WorkerCheckResult(HealthStatus Status, string Summary, WorkerCapabilities? Capabilities)
{
    /// <summary>The server heard from the worker (whatever its script then said).</summary>
    public bool Contacted => Capabilities is not null;
}
