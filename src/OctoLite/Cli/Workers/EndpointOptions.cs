using System.CommandLine;
using System.Text.Json.Nodes;
using OctoLite.Domain;

namespace OctoLite.Cli.Workers;

/// <summary>The options that describe a worker's endpoint, shared by create and update.</summary>
internal sealed class EndpointOptions
{
    /// <summary>The kinds a user may register; the built-in worker is part of the server, not a registration.</summary>
    private static readonly CommunicationStyle[] Kinds = [CommunicationStyle.TentaclePassive, CommunicationStyle.TentacleActive, CommunicationStyle.Ssh];

    public Option<string?> Kind { get; } = new("--kind")
    {
        Description = "How the server reaches the worker: TentaclePassive (a listening tentacle), TentacleActive (a polling tentacle) or Ssh",
        HelpName = "kind",
    };

    public Option<string?> Uri { get; } = new("--uri") { Description = "Tentacle address: https://host:10933/ when listening, poll://SUBSCRIPTION/ when polling", HelpName = "uri" };
    public Option<string?> Thumbprint { get; } = new("--thumbprint") { Description = "The tentacle certificate's thumbprint, 40 hex characters", HelpName = "hex" };
    public Option<string?> Host { get; } = new("--host") { Description = "SSH host name or address", HelpName = "host" };
    public Option<int?> Port { get; } = new("--port") { Description = "SSH port (default: 22)", HelpName = "port" };
    public Option<string?> Username { get; } = new("--username") { Description = "Account to log in as over SSH", HelpName = "user" };
    public Option<string?> Fingerprint { get; } = new("--fingerprint") { Description = "The SSH host key fingerprint to trust", HelpName = "fingerprint" };

    public IEnumerable<Option> All => [Kind, Uri, Thumbprint, Host, Port, Username, Fingerprint];

    /// <summary>The endpoint object to send, or null when no endpoint option was given.</summary>
    public JsonObject? ToJson(ParseResult result)
    {
        var endpoint = new JsonPatch()
            .Set("CommunicationStyle", KindOf(result.GetValue(Kind)))
            .Set("Uri", result.GetValue(Uri))
            .Set("Thumbprint", result.GetValue(Thumbprint))
            .Set("Host", result.GetValue(Host))
            .Set("Port", result.GetValue(Port))
            .Set("Username", result.GetValue(Username))
            .Set("Fingerprint", result.GetValue(Fingerprint));
        return endpoint.IsEmpty ? null : endpoint.Body;
    }

    private static string? KindOf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var kind = Kinds.Select(k => k.ToString()).FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
        return kind ?? throw CliException.Usage($"--kind must be one of {string.Join(", ", Kinds)} (got '{value}').");
    }
}
