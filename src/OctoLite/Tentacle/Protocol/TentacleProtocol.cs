namespace OctoLite.Tentacle.Protocol;

/// <summary>
/// The tentacle service contract: versioned HTTPS routes with JSON bodies, the same over both transports (the
/// server calls a listening tentacle; a polling tentacle fetches the same calls from the server and answers them).
/// Every exchange names <see cref="Version"/> in the <see cref="VersionHeader"/> header; a peer refuses a version it
/// does not speak with 400 naming both. See docs/tentacle-protocol.md.
/// </summary>
internal static class TentacleProtocol
{
    public const int Version = 1;
    public const string VersionHeader = "X-OctoLite-Tentacle-Protocol";
    public const int DefaultListeningPort = 10933;
    public const int DefaultPollingPort = 10943;

    /// <summary>GET: <see cref="TentacleCapabilities"/>.</summary>
    public const string Capabilities = "/tentacle/v1/capabilities";
    /// <summary>POST <see cref="StartScriptCommand"/>: <see cref="ScriptStatus"/>. Idempotent by ticket: a repeated start of a known ticket returns its status and runs nothing.</summary>
    public const string Scripts = "/tentacle/v1/scripts";

    /// <summary>GET <c>?after=N</c>: <see cref="ScriptStatus"/> with the events after sequence N.</summary>
    public static string Script(string ticket) => $"{Scripts}/{Uri.EscapeDataString(ticket)}";

    /// <summary>POST: stops the script's process group (TERM, then KILL); <see cref="ScriptStatus"/>.</summary>
    public static string Cancel(string ticket) => $"{Script(ticket)}/cancel";

    /// <summary>POST: the server has everything; the workspace and journal are deleted. 204.</summary>
    public static string Complete(string ticket) => $"{Script(ticket)}/complete";

    /// <summary>PUT (upload, body = bytes, header <see cref="Sha256Header"/>) or GET (download) <c>?path=relative/path</c> inside the script's workspace.</summary>
    public static string Files(string ticket) => $"{Script(ticket)}/files";

    /// <summary>The SHA-256 of a file's bytes, lower-case hex: sent with an upload, returned with a download.</summary>
    public const string Sha256Header = "X-Content-Sha256";
    /// <summary>The largest file a transfer accepts, either way.</summary>
    public const long MaxFileBytes = 1L << 30;
}
