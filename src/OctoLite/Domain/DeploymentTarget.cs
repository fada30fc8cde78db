namespace OctoLite.Domain;

/// <summary>
/// A machine or service deployments act on (Octopus's DeploymentTargetResource, id "Machines-N"). A Cloud Region
/// target has no endpoint: steps "on behalf of" it run on a worker, from its <see cref="DefaultWorkerPoolId"/> when set.
/// </summary>
internal sealed record DeploymentTarget
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public TargetKind Kind { get; init; } = TargetKind.CloudRegion;
    /// <summary>Target roles (tags) that steps select targets by; compared case-insensitively.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> EnvironmentIds { get; init; } = [];
    /// <summary>The pool whose workers run steps on behalf of this target, overriding the step's pool; empty for none.</summary>
    public string DefaultWorkerPoolId { get; init; } = "";
    public bool IsDisabled { get; init; }
    public HealthStatus HealthStatus { get; init; } = HealthStatus.Unknown;
    public string StatusSummary { get; init; } = "";
    public DateTimeOffset? LastHealthCheck { get; init; }
}
