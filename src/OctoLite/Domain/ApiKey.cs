namespace OctoLite.Domain;

/// <summary>An API key for remote access. Only the SHA-256 hash of the key is kept.</summary>
internal sealed record ApiKey
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string KeyHash { get; init; } = "";
    /// <summary>The first characters of the key, so an operator can tell keys apart.</summary>
    public string Prefix { get; init; } = "";
    public DateTimeOffset Created { get; init; }
    public string CreatedBy { get; init; } = "";
}
