namespace OctoLite.Domain;

/// <summary>A file a step collected with <c>new_octopusartifact</c>, stored with its task (Octopus's ArtifactResource).</summary>
internal sealed record Artifact
{
    public string Id { get; init; } = "";
    public string ServerTaskId { get; init; } = "";
    public string StepName { get; init; } = "";
    /// <summary>The file name it is shown and downloaded as; unique within its task.</summary>
    public string Filename { get; init; } = "";
    public long Length { get; init; }
    /// <summary>SHA-256 of the content, lowercase hex.</summary>
    public string Sha256 { get; init; } = "";
    public DateTimeOffset Created { get; init; }
}
