namespace OctoLite.Server.Api;

/// <summary>What <c>GET /api/serverstatus</c> tells: the running server's identity and where it keeps its state.</summary>
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
    Tasks.TaskQueueStatus TaskQueue);
