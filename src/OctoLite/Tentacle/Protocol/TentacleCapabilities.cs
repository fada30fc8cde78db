namespace OctoLite.Tentacle.Protocol;

/// <summary>What a tentacle tells the server about itself (health checks read it).</summary>
internal sealed record TentacleCapabilities
{
    public int ProtocolVersion { get; init; }
    public string AgentVersion { get; init; } = "";
    public string OperatingSystem { get; init; } = "";
    public string MachineName { get; init; } = "";
    /// <summary>Script syntaxes it can run: "Bash", "Sh", "Python", "PowerShell".</summary>
    public IReadOnlyList<string> Shells { get; init; } = [];
    public long FreeDiskBytes { get; init; }
}
