namespace OctoLite.Domain;

/// <summary>
/// A deployment process, runbooks and the variables they use (Octopus's ProjectResource). Octopus keeps the
/// deployment process in its own document; here it is embedded, since a project has exactly one.
/// </summary>
internal sealed record Project
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>What a deployment of a release runs; each release snapshots it.</summary>
    public DeploymentProcess DeploymentProcess { get; init; } = new();
}
