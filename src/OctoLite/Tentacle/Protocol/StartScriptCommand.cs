namespace OctoLite.Tentacle.Protocol;

/// <summary>Run one step's script on the tentacle, through the same step runner the built-in worker uses.</summary>
internal sealed record StartScriptCommand
{
    /// <summary>Chosen by the server, unique per invocation (e.g. "ServerTasks-12.Steps-3.Machines-2"); letters, digits, '.', '-', '_' only.</summary>
    public string Ticket { get; init; } = "";
    /// <summary>"Bash", "Sh", "Python" or "PowerShell".</summary>
    public string Syntax { get; init; } = "Bash";
    public string Script { get; init; } = "";
    public IReadOnlyList<WireVariable> Variables { get; init; } = [];
    /// <summary>How long the script may run before the tentacle stops it; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
}
