namespace OctoLite.Domain;

/// <summary>A stage releases are deployed to, such as Test or Production (Octopus's EnvironmentResource, id "Environments-N").</summary>
internal sealed record DeploymentEnvironment
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>Where the environment sits in lists and lifecycles; lower first.</summary>
    public int SortOrder { get; init; }
}
