namespace OctoLite.Server.Tasks;

/// <summary>The body of <c>POST /api/deployments</c> (Octopus's DeploymentResource, as far as a request needs it).</summary>
internal sealed record DeploymentRequest
{
    /// <summary>The project (id or name); needed when <see cref="ReleaseId"/> is a version rather than an id.</summary>
    public string? ProjectId { get; init; }
    /// <summary>The release: its id, or its version together with <see cref="ProjectId"/>.</summary>
    public string ReleaseId { get; init; } = "";
    /// <summary>The environment to deploy to (id or name).</summary>
    public string EnvironmentId { get; init; } = "";
    /// <summary>Steps (names or ids) to leave out of this deployment; required steps cannot be skipped.</summary>
    public IReadOnlyList<string>? SkipActions { get; init; }
    /// <summary>How long the whole deployment may take before it is stopped as TimedOut; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
}
