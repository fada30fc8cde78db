using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// A ticket's <c>status.json</c> beside its journal: written when the script starts and again when it ends (after
/// the journal is fsync'd), so a restarted tentacle still answers for finished tickets and knows which ones died
/// with it.
/// </summary>
internal sealed record ScriptRecord
{
    public string Ticket { get; init; } = "";
    public ScriptState State { get; init; }
    /// <summary>"Success", "Failed", "Canceled" or "TimedOut" once complete.</summary>
    public string Outcome { get; init; } = "";
    public int? ExitCode { get; init; }
    public string ErrorMessage { get; init; } = "";
    /// <summary>The journal's last sequence once complete.</summary>
    public long LastSequence { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The script's process group while it runs, so a restarted tentacle can stop what its predecessor left.</summary>
    public int? ProcessGroupId { get; init; }
    /// <summary>The group leader's start time, so a reused process id is never signalled.</summary>
    public long? ProcessStartTime { get; init; }
}
