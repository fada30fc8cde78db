namespace OctoLite.Domain;

/// <summary>
/// A version of a project ready to deploy (Octopus's ReleaseResource, id "Releases-N"): the deployment process and
/// the project's variables as they were when the release was created, so later edits never change what it deploys.
/// Sensitive variable values in the snapshot stay encrypted.
/// </summary>
internal sealed record Release
{
    public string Id { get; init; } = "";
    public string ProjectId { get; init; } = "";
    public string Version { get; init; } = "";
    public string ReleaseNotes { get; init; } = "";
    public DateTimeOffset Assembled { get; init; }
    public DeploymentProcess Process { get; init; } = new();
    public IReadOnlyList<Variable> Variables { get; init; } = [];
}
