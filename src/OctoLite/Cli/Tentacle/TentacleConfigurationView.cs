using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>An instance's settings as <c>show-configuration</c>, <c>configure</c> and <c>create-instance</c> print them.</summary>
internal sealed record TentacleConfigurationView
{
    public string Name { get; init; } = "";
    public string Home { get; init; } = "";
    public string Thumbprint { get; init; } = "";
    public string ListenAddress { get; init; } = "";
    public int ListenPort { get; init; }
    public bool NoListen { get; init; }
    public IReadOnlyList<string> TrustedThumbprints { get; init; } = [];
    public TimeSpan WorkspaceRetention { get; init; }
    public string CommsStyle { get; init; } = "";
    public string ServerUrl { get; init; } = "";

    public static TentacleConfigurationView Of(TentacleInstanceConfig config, string thumbprint) => new()
    {
        Name = config.Name,
        Home = config.HomeDirectory,
        Thumbprint = thumbprint,
        ListenAddress = config.ListenAddress,
        ListenPort = config.ListenPort,
        NoListen = config.NoListen,
        TrustedThumbprints = config.TrustedThumbprints,
        WorkspaceRetention = config.WorkspaceRetention,
        CommsStyle = config.CommsStyle,
        ServerUrl = config.ServerUrl,
    };

    public static void Write(TextWriter writer, TentacleConfigurationView view) => Table.WriteFields(writer,
    [
        ("Instance", view.Name),
        ("Home", view.Home),
        ("Thumbprint", view.Thumbprint),
        ("Listening on", view.NoListen ? "not listening (--no-listen)" : $"{view.ListenAddress}:{view.ListenPort.ToString(CultureInfo.InvariantCulture)}"),
        ("Trusted servers", view.TrustedThumbprints.Count == 0 ? "none (trust one with --trust)" : string.Join(", ", view.TrustedThumbprints)),
        ("Workspace retention", view.WorkspaceRetention.ToString("c", CultureInfo.InvariantCulture)),
        ("Comms style", view.CommsStyle),
        ("Server", view.ServerUrl.Length == 0 ? "not registered" : view.ServerUrl),
    ]);
}
