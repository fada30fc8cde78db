using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OctoLite.Domain;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// The addresses a registration is made of: where the server calls a listening tentacle, the subscription a polling
/// one is queued under, and where a polling one connects to the server. Pure checks and formatting, no I/O.
/// </summary>
internal static class TentacleRegistrationEndpoint
{
    private const string SubscriptionAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int SubscriptionLength = 20;

    public static CommunicationStyle ParseStyle(string value) => value.Trim() switch
    {
        var v when string.Equals(v, nameof(CommunicationStyle.TentaclePassive), StringComparison.OrdinalIgnoreCase) => CommunicationStyle.TentaclePassive,
        var v when string.Equals(v, nameof(CommunicationStyle.TentacleActive), StringComparison.OrdinalIgnoreCase) => CommunicationStyle.TentacleActive,
        _ => throw CliException.Usage(
            $"--comms-style must be TentaclePassive (a listening tentacle the server calls) or TentacleActive (a polling tentacle that calls the server) (got '{value}')."),
    };

    /// <summary><c>https://HOST:PORT/</c>: the public host name (default this machine's name) and port (default the instance's listening port).</summary>
    public static string ListeningUri(string? publicHostname, int? port, TentacleInstanceConfig config)
    {
        var host = UriHost(publicHostname ?? Environment.MachineName, publicHostname is null);
        var listenPort = port ?? config.ListenPort;
        if (port is null && listenPort is < 1 or > IPEndPoint.MaxPort)
        {
            throw CliException.Usage(
                $"Instance {config.Name} listens on port {listenPort}, which the server cannot be given; pass --tentacle-comms-port with the port the server should call.");
        }

        return $"https://{host}:{CheckPort(listenPort, "--tentacle-comms-port").ToString(CultureInfo.InvariantCulture)}/";
    }

    /// <summary>
    /// <c>https://SERVERHOST:PORT/</c>: the host of the server's API URL and the port given, else the polling port the
    /// server reports. A server that opens no polling endpoint is refused unless a port is given (e.g. a proxy's).
    /// </summary>
    public static string PollingAddress(Uri server, int? serverCommsPort, int? reportedPollingPort)
    {
        var port = serverCommsPort ?? reportedPollingPort ?? throw new CliException(ExitCodes.Usage,
            $"The server at {server} opens no polling endpoint, so a TentacleActive (polling) tentacle could not reach it. " +
            $"Register as TentaclePassive, or pass --server-comms-port with the port its polling endpoint is reachable on (usually {OctoLite.Tentacle.Protocol.TentacleProtocol.DefaultPollingPort}).");
        return $"https://{server.Host}:{CheckPort(port, "--server-comms-port").ToString(CultureInfo.InvariantCulture)}/";
    }

    /// <summary>A new polling subscription id: 20 random lower-case letters and digits.</summary>
    public static string NewSubscriptionId() =>
        new(RandomNumberGenerator.GetItems<char>(SubscriptionAlphabet, SubscriptionLength));

    /// <summary>The worker endpoint sent to the server; the SSH fields are absent, so an update replaces any there were.</summary>
    public static JsonObject Json(CommunicationStyle style, string uri, string thumbprint) => new()
    {
        ["CommunicationStyle"] = style.ToString(),
        ["Uri"] = uri,
        ["Thumbprint"] = thumbprint,
    };

    public static int CheckPort(int port, string option) => port is >= 1 and <= IPEndPoint.MaxPort
        ? port
        : throw CliException.Usage($"{option} must be between 1 and {IPEndPoint.MaxPort} (got {port}).");

    private static string UriHost(string value, bool isMachineName)
    {
        var bare = value.Trim().TrimStart('[').TrimEnd(']');
        return Uri.CheckHostName(bare) switch
        {
            UriHostNameType.Dns or UriHostNameType.IPv4 => bare,
            UriHostNameType.IPv6 => $"[{bare}]",
            _ => throw CliException.Usage(isMachineName
                ? $"This machine's name '{value}' is not a host name the server could call; pass --public-hostname with the name or address the server reaches this machine at."
                : $"--public-hostname must be a host name or IP address the server can reach this machine at (got '{value}')."),
        };
    }
}
