namespace OctoLite.Server.Health;

/// <summary>
/// The body of <c>POST /api/workers/health-check</c>, all optional: the workers to check (ids or names), or a pool
/// (id or name) whose workers to check, not both; neither checks every worker.
/// </summary>
internal sealed record HealthCheckRequest
{
    public string? WorkerPoolId { get; init; }
    public IReadOnlyList<string>? WorkerIds { get; init; }
    /// <summary>How long the whole check may take before it is stopped as TimedOut; null or absent for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
}
