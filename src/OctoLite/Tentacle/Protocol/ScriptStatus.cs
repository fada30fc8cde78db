namespace OctoLite.Tentacle.Protocol;

/// <summary>A script's state and the journal entries after the sequence the caller asked from.</summary>
internal sealed record ScriptStatus
{
    public string Ticket { get; init; } = "";
    public ScriptState State { get; init; }
    /// <summary>"Success", "Failed", "Canceled" or "TimedOut" once complete; empty while running.</summary>
    public string Outcome { get; init; } = "";
    public int? ExitCode { get; init; }
    public string ErrorMessage { get; init; } = "";
    public IReadOnlyList<ScriptEvent> Events { get; init; } = [];
    /// <summary>The last sequence in <see cref="Events"/> (or the one asked from when there are none): ask again with after = this.</summary>
    public long NextSequence { get; init; }
}
