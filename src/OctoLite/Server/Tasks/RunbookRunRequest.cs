namespace OctoLite.Server.Tasks;

/// <summary>The body of <c>POST /api/runbooks/{id}/run</c>: all optional.</summary>
internal sealed record RunbookRunRequest
{
    /// <summary>How long the whole run may take before it is stopped as TimedOut; null or absent for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>The environment to run in (id or name): its targets and environment-scoped variables apply. Empty for none.</summary>
    public string? EnvironmentId { get; init; }
}
