namespace OctoLite.Domain;

/// <summary>A set of runbooks (and, later, a deployment process) with its own variables (Octopus's ProjectResource).</summary>
internal sealed record Project
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
}
