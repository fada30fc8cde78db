using System.Text.RegularExpressions;
using OctoLite.Domain;

namespace OctoLite.Server.Pools;

/// <summary>Checks that a worker's endpoint has what its communication style needs, and normalizes it.</summary>
internal static partial class EndpointValidator
{
    public static Result<WorkerEndpoint> Validate(WorkerEndpoint? endpoint)
    {
        if (endpoint is null)
        {
            return Problem.Invalid("Endpoint", "Endpoint is required: give its CommunicationStyle (TentaclePassive, TentacleActive or Ssh) and address.");
        }

        return endpoint.CommunicationStyle switch
        {
            CommunicationStyle.TentaclePassive => Tentacle(endpoint, "https", "https://host:10933/"),
            CommunicationStyle.TentacleActive => Tentacle(endpoint, "poll", "poll://SUBSCRIPTIONID/"),
            CommunicationStyle.Ssh => Ssh(endpoint),
            _ => Problem.Invalid("Endpoint.CommunicationStyle",
                "The built-in worker is part of the server and cannot be registered as a worker; turn it on or off with `octolite config set builtInWorker.enabled`."),
        };
    }

    private static Result<WorkerEndpoint> Tentacle(WorkerEndpoint endpoint, string scheme, string example)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Uri)
            || !System.Uri.TryCreate(endpoint.Uri.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != scheme
            || string.IsNullOrEmpty(uri.Host))
        {
            return Problem.Invalid("Endpoint.Uri", $"A {endpoint.CommunicationStyle} worker needs Endpoint.Uri like {example} (got '{endpoint.Uri}').");
        }

        var thumbprint = Thumbprint(endpoint.Thumbprint);
        if (!thumbprint.IsSuccess)
        {
            return thumbprint.Problem;
        }

        if (endpoint.Host is not null || endpoint.Port is not null || endpoint.Username is not null || endpoint.Fingerprint is not null)
        {
            return Problem.Invalid("Endpoint", $"Host, Port, Username and Fingerprint belong to SSH endpoints, not {endpoint.CommunicationStyle}.");
        }

        // Kept as written: a polling subscription id is case-sensitive, and System.Uri would lower-case it.
        return endpoint with { Uri = endpoint.Uri.Trim(), Thumbprint = thumbprint.Value };
    }

    private static Result<WorkerEndpoint> Ssh(WorkerEndpoint endpoint)
    {
        var host = endpoint.Host?.Trim();
        if (string.IsNullOrEmpty(host) || System.Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return Problem.Invalid("Endpoint.Host", $"An Ssh worker needs Endpoint.Host, a host name or IP address (got '{endpoint.Host}').");
        }

        var port = endpoint.Port ?? 22;
        if (port is < 1 or > 65535)
        {
            return Problem.Invalid("Endpoint.Port", $"Endpoint.Port must be between 1 and 65535 (got {port}).");
        }

        var username = endpoint.Username?.Trim();
        if (string.IsNullOrEmpty(username) || username.Any(char.IsWhiteSpace))
        {
            return Problem.Invalid("Endpoint.Username", "An Ssh worker needs Endpoint.Username, the account to log in as.");
        }

        if (endpoint.Uri is not null || endpoint.Thumbprint is not null)
        {
            return Problem.Invalid("Endpoint", "Uri and Thumbprint belong to tentacle endpoints, not Ssh.");
        }

        return endpoint with { Host = host, Port = port, Username = username, Fingerprint = endpoint.Fingerprint?.Trim() };
    }

    private static Result<string> Thumbprint(string? value)
    {
        var thumbprint = value?.Trim().Replace(":", "", StringComparison.Ordinal).ToUpperInvariant() ?? "";
        return ThumbprintPattern().IsMatch(thumbprint)
            ? thumbprint
            : Problem.Invalid("Endpoint.Thumbprint", $"Endpoint.Thumbprint must be the tentacle certificate's SHA-1 thumbprint, 40 hex characters (got '{value}').");
    }

    [GeneratedRegex("^[0-9A-F]{40}$")]
    private static partial Regex ThumbprintPattern();
}
