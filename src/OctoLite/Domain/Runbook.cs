namespace OctoLite.Domain;

/// <summary>
/// An operations process that belongs to a project and runs on demand (Octopus's RunbookResource).
/// Octopus keeps the process in a separate RunbookProcess document; here it is embedded, since a
/// runbook has exactly one.
/// </summary>
internal sealed record Runbook
{
    public string Id { get; init; } = "";
    public string ProjectId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public DeploymentProcess Process { get; init; } = new();
}
