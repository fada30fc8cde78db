using System.CommandLine;
using System.Text.Json.Nodes;
using OctoLite.Domain;

namespace OctoLite.Cli.Workers;

/// <summary>The options that describe a worker's endpoint, shared by create and update.</summary>
internal sealed class EndpointOptions
{
    public Option<CommunicationStyle?> Kind { get; } = new("--kind") { Description = "TentaclePassive (listening), TentacleActive (polling) or Ssh" };
    public Option<string?> Uri { get; } = new("--uri") { Description = "Tentacle address: https://host:10933/ (listening) or poll://SUBSCRIPTION/ (polling)" };
    public Option<string?> Thumbprint { get; } = new("--thumbprint") { Description = "Tentacle certificate thumbprint (40 hex characters)" };
    public Option<string?> Host { get; } = new("--host") { Description = "SSH host name or address" };
    public Option<int?> Port { get; } = new("--port") { Description = "SSH port (default 22)" };
    public Option<string?> Username { get; } = new("--username") { Description = "SSH account" };
    public Option<string?> Fingerprint { get; } = new("--fingerprint") { Description = "SSH host key fingerprint" };

    public IEnumerable<Option> All => [Kind, Uri, Thumbprint, Host, Port, Username, Fingerprint];

    /// <summary>The endpoint object to send, or null when no endpoint option was given.</summary>
    public JsonObject? ToJson(ParseResult result)
    {
        var endpoint = new JsonPatch()
            .Set("CommunicationStyle", result.GetValue(Kind)?.ToString())
            .Set("Uri", result.GetValue(Uri))
            .Set("Thumbprint", result.GetValue(Thumbprint))
            .Set("Host", result.GetValue(Host))
            .Set("Port", result.GetValue(Port))
            .Set("Username", result.GetValue(Username))
            .Set("Fingerprint", result.GetValue(Fingerprint));
        return endpoint.IsEmpty ? null : endpoint.Body;
    }
}
