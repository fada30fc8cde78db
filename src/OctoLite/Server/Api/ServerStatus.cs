namespace OctoLite.Server.Api;

/// <summary>What <c>GET /api/serverstatus</c> tells: the running server's identity and where it keeps its state.</summary>
/// <param name="PollingPort">The TCP port polling tentacles connect to (default 10943); null when the server opens none.</param>
/// <param name="Thumbprint">The server certificate's SHA-1 thumbprint (40 hex characters), the one tentacles trust; empty from an older server.</param>
internal sealed record ServerStatus(
    string Version,
    string Node,
    int ProcessId,
    DateTimeOffset StartedAt,
    TimeSpan Uptime,
    string DataDirectory,
    int SchemaVersion,
    IReadOnlyList<string> ListenAddresses,
    string SocketPath,
    Tasks.TaskQueueStatus TaskQueue,
    string Thumbprint,
    int? PollingPort);
