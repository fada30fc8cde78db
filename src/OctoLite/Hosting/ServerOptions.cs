namespace OctoLite.Hosting;

/// <summary>How to start a server. Every option has a documented default and an OCTOLITE_* twin.</summary>
internal sealed record ServerOptions
{
    public const string DefaultListen = "127.0.0.1:8065";

    public required DataPaths Paths { get; init; }

    /// <summary>TCP address of the REST API, <c>host:port</c> (port 0 picks a free one), or null for the Unix socket only. Default 127.0.0.1:8065.</summary>
    public string? Listen { get; init; } = DefaultListen;

    /// <summary>
    /// TCP port of the polling endpoint polling tentacles connect to, on every interface (0 picks a free one), or
    /// null to open none. <c>octolite server run</c> defaults to <see cref="Tentacle.Protocol.TentacleProtocol.DefaultPollingPort"/>.
    /// </summary>
    public int? PollingPort { get; init; }

    /// <summary>Format of the logs written to stderr. Default text.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
