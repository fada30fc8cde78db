namespace OctoLite.Domain;

/// <summary>What a worker told the server about itself at its last successful health check.</summary>
internal sealed record WorkerCapabilities
{
    public string OperatingSystem { get; init; } = "";
    public string MachineName { get; init; } = "";
    public string AgentVersion { get; init; } = "";
    /// <summary>Script syntaxes it can run: "Bash", "Sh", "Python", "PowerShell".</summary>
    public IReadOnlyList<string> Shells { get; init; } = [];
    /// <summary>Free disk space under the agent's home, in bytes; -1 when the agent could not tell.</summary>
    public long FreeDiskBytes { get; init; } = -1;
}
