namespace OctoLite.Domain;

/// <summary>
/// Where and how a worker is reached. One shape for every communication style; which fields are
/// required depends on <see cref="CommunicationStyle"/> (see WorkerValidator).
/// </summary>
internal sealed record WorkerEndpoint
{
    /// <remarks>Required in JSON: without it a nested endpoint would silently read as the enum's first value.</remarks>
    [System.Text.Json.Serialization.JsonRequired]
    public CommunicationStyle CommunicationStyle { get; init; } = CommunicationStyle.TentaclePassive;
    /// <summary>https://host:port for listening tentacles, poll://subscription/ for polling ones.</summary>
    public string? Uri { get; init; }
    /// <summary>The tentacle's certificate thumbprint: 40 hex characters (SHA-1), as Octopus shows it.</summary>
    public string? Thumbprint { get; init; }
    public string? Host { get; init; }
    public int? Port { get; init; }
    public string? Username { get; init; }
    /// <summary>The SSH host key fingerprint pinned at registration.</summary>
    public string? Fingerprint { get; init; }
}
