using System.Text.Json.Serialization;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// One tentacle instance's settings, kept as <c>tentacle.json</c> in its home directory (see <see cref="TentacleHome"/>).
/// Every property has the default a new instance gets, also when the file leaves it out.
/// </summary>
/// <remarks>
/// Properties have setters, not init accessors, on purpose: the JSON source generator sets init-only properties in
/// an object initializer, so a setting missing from the file would become null or 0 instead of its default. Treat
/// an instance as immutable all the same and change it with <c>with</c>.
/// </remarks>
internal sealed record TentacleInstanceConfig
{
    /// <summary>The instance name used elsewhere when an instance is not named.</summary>
    public const string DefaultName = "Tentacle";

    /// <summary>Where listening tentacles listen by default: every interface, as Octopus Tentacle does.</summary>
    public const string DefaultListenAddress = "0.0.0.0";

    /// <summary>How long an orphaned workspace (a ticket the server never completed) is kept by default.</summary>
    public static readonly TimeSpan DefaultWorkspaceRetention = TimeSpan.FromDays(7);

    /// <summary>The instance's name, unique on this machine; letters, digits, '.', '-', '_'.</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>
    /// The folder holding this file, the certificate, workspaces and journals. Not stored in the file: it is where
    /// the file was read from (or the folder <see cref="TentacleAgent.StartAsync(TentacleInstanceConfig, CancellationToken)"/> is to use).
    /// </summary>
    [JsonIgnore]
    public string HomeDirectory { get; set; } = "";

    /// <summary>The TCP port a listening tentacle accepts the server on (default 10933; 0 picks a free one, for tests).</summary>
    public int ListenPort { get; set; } = TentacleProtocol.DefaultListeningPort;

    /// <summary>The IP address to listen on (default 0.0.0.0, every IPv4 interface).</summary>
    public string ListenAddress { get; set; } = DefaultListenAddress;

    /// <summary>True to open no listening port (a polling tentacle).</summary>
    public bool NoListen { get; set; }

    /// <summary>Thumbprints (40 upper-case hex characters) of the server certificates this tentacle accepts calls from.</summary>
    public IReadOnlyList<string> TrustedThumbprints { get; set; } = [];

    /// <summary>How long a workspace and journal whose ticket was never completed are kept (default 7 days).</summary>
    public TimeSpan WorkspaceRetention { get; set; } = DefaultWorkspaceRetention;

    /// <summary>"TentaclePassive" (listening) or "TentacleActive" (polling); recorded by registration.</summary>
    public string CommsStyle { get; set; } = "TentaclePassive";

    /// <summary>The server's API URL this tentacle registered with; empty when not registered.</summary>
    public string ServerUrl { get; set; } = "";

    /// <summary>A polling tentacle's server endpoint (<c>https://host:10943/</c>); empty for a listening tentacle.</summary>
    public string ServerCommsAddress { get; set; } = "";

    /// <summary>
    /// A polling tentacle's subscription id: the server queues this tentacle's requests under <c>poll://ID/</c>, the
    /// worker's Endpoint.Uri. Made by registration; empty for a listening tentacle.
    /// </summary>
    public string SubscriptionId { get; set; } = "";
}
