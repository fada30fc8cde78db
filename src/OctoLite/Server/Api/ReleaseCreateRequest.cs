namespace OctoLite.Server.Api;

/// <summary>The body of <c>POST /api/releases</c>.</summary>
internal sealed record ReleaseCreateRequest
{
    /// <summary>The project (id or name).</summary>
    public string ProjectId { get; init; } = "";
    public string Version { get; init; } = "";
    public string? ReleaseNotes { get; init; }
}
