namespace OctoLite.Domain;

/// <summary>A machine that runs steps on behalf of the server (Octopus's WorkerResource).</summary>
internal sealed record Worker
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<string> WorkerPoolIds { get; init; } = [];
    public bool IsDisabled { get; init; }
    public HealthStatus HealthStatus { get; init; } = HealthStatus.Unknown;
    public string StatusSummary { get; init; } = "";
    public string MachinePolicyId { get; init; } = "";
    /// <summary>When the last health check of it ended; null when it has never been checked.</summary>
    public DateTimeOffset? LastHealthCheck { get; init; }
    /// <summary>When the server last heard from it (a health check, or a polling tentacle's poll, written at most every minute).</summary>
    public DateTimeOffset? LastSeen { get; init; }
    /// <summary>Since when it has been Unavailable without a break; null while it is not. Machine policy cleanup counts from here.</summary>
    public DateTimeOffset? UnavailableSince { get; init; }
    /// <summary>OS, shells, agent version and free disk as its last successful health check found them.</summary>
    public WorkerCapabilities? Capabilities { get; init; }
    public WorkerEndpoint Endpoint { get; init; } = new();
    /// <summary>At most this many tasks lease the worker at once (1-<see cref="WorkerPool.MaxLeasesLimit"/>); null for no cap, as in Octopus.</summary>
    public int? MaxConcurrentLeases { get; init; }
}
