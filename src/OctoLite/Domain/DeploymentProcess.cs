namespace OctoLite.Domain;

/// <summary>
/// The ordered steps a runbook (and, with the deployment model, a project) executes: Octopus's
/// DeploymentProcessResource, whose shape its RunbookProcessResource shares. An empty process is
/// valid and runs as a no-op, as in Octopus.
/// </summary>
internal sealed record DeploymentProcess
{
    public IReadOnlyList<Step> Steps { get; init; } = [];
}
