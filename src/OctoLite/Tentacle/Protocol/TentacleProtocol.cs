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

    /// <summary>
    /// GET <c>?after=N</c>: <see cref="ScriptStatus"/> with the events after sequence N; with <c>&amp;wait=MS</c> the
    /// answer waits up to MS milliseconds (at most 30 s) for events or the script's end when there is nothing yet.
    /// </summary>
    public static string Script(string ticket) => $"{Scripts}/{Uri.EscapeDataString(ticket)}";

    /// <summary>POST: stops the script's process group (TERM, then KILL); <see cref="ScriptStatus"/>.</summary>
    public static string Cancel(string ticket) => $"{Script(ticket)}/cancel";

    /// <summary>POST: the server has everything; the workspace and journal are deleted. 204.</summary>
    public static string Complete(string ticket) => $"{Script(ticket)}/complete";

    /// <summary>PUT (upload, body = bytes, header <see cref="Sha256Header"/>) or GET (download) <c>?path=relative/path</c> inside the script's workspace.</summary>
    public static string Files(string ticket) => $"{Script(ticket)}/files";

    /// <summary>
    /// Polling transport, on the server's polling port: GET long-polls for the next call queued for subscription
    /// <c>ID</c> (the worker's <c>poll://ID/</c>). The answer is 204 when none came within the hold time, or 200 with
    /// the call itself: <see cref="RequestIdHeader"/>, <see cref="RequestMethodHeader"/>, <see cref="RequestTargetHeader"/>,
    /// the call's <see cref="ForwardedHeaders"/>, and its body as the body.
    /// </summary>
    public static string Poll(string subscriptionId) => $"/tentacle/v1/poll/{Uri.EscapeDataString(subscriptionId)}";

    /// <summary>POST: a polling tentacle's answer to call <paramref name="requestId"/>: <see cref="ResponseStatusHeader"/>, the answer's <see cref="ForwardedHeaders"/>, and its body as the body. 204 once the server has read it; 410 when nobody waits for it any more.</summary>
    public static string PollResponse(string subscriptionId, string requestId) => $"{Poll(subscriptionId)}/responses/{Uri.EscapeDataString(requestId)}";

    /// <summary>The id of a call delivered by polling, which its answer names.</summary>
    public const string RequestIdHeader = "X-OctoLite-Request-Id";
    /// <summary>The HTTP method of a call delivered by polling.</summary>
    public const string RequestMethodHeader = "X-OctoLite-Request-Method";
    /// <summary>The path and query of a call delivered by polling, e.g. <c>/tentacle/v1/scripts/T?after=3</c>.</summary>
    public const string RequestTargetHeader = "X-OctoLite-Request-Target";
    /// <summary>The HTTP status code of a polling tentacle's answer.</summary>
    public const string ResponseStatusHeader = "X-OctoLite-Response-Status";

    /// <summary>Headers a call and its answer keep when they travel over polling (besides Content-Type).</summary>
    public static readonly IReadOnlyList<string> ForwardedHeaders = [VersionHeader, Sha256Header];

    /// <summary>The scheme of a polling worker's Endpoint.Uri, <c>poll://SUBSCRIPTIONID/</c>.</summary>
    public const string PollScheme = "poll";

    /// <summary>The subscription id in <c>poll://ID/</c> as written (ids are case-sensitive), or null when <paramref name="uri"/> is not one.</summary>
    public static string? SubscriptionOf(string? uri)
    {
        const string prefix = PollScheme + "://";
        if (uri is null || !uri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = uri[prefix.Length..].TrimEnd('/');
        return id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? id : null;
    }

    /// <summary>The SHA-256 of a file's bytes, lower-case hex: sent with an upload, returned with a download.</summary>
    public const string Sha256Header = "X-Content-Sha256";
    /// <summary>The largest file a transfer accepts, either way.</summary>
    public const long MaxFileBytes = 1L << 30;
}
