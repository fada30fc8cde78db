namespace OctoLite.Domain;

/// <summary>
/// One run of a script step: the only one for a step that runs once, one per target for a step that runs on
/// behalf of target roles. Its log lines are under its own block.
/// </summary>
internal sealed record TaskStepInvocation
{
    /// <summary>The log block of this invocation's lines, e.g. "Steps-3/Machines-2".</summary>
    public string Block { get; init; } = "";
    /// <summary>The target it runs on behalf of; empty when the step runs once.</summary>
    public string TargetId { get; init; } = "";
    public string TargetName { get; init; } = "";
    public string Worker { get; init; } = "";
    public TaskStepState State { get; init; } = TaskStepState.Pending;
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletedTime { get; init; }
    public int? ExitCode { get; init; }
    public string ErrorMessage { get; init; } = "";
    /// <summary>The script's process group on the built-in worker while it runs, with its leader's start time (clock ticks after boot), so a restarted server can stop a script its predecessor left behind.</summary>
    public int? ProcessGroupId { get; init; }
    public long? ProcessStartTime { get; init; }
    /// <summary>The tentacle worker (id) the script runs on; empty on the built-in worker.</summary>
    public string WorkerId { get; init; } = "";
    /// <summary>The script's ticket on that tentacle, recorded once the tentacle accepted it; empty before.</summary>
    public string Ticket { get; init; } = "";
    /// <summary>
    /// The last entry of the tentacle's journal for the script whose report (log line, progress, output variable,
    /// artifact) the task holds: stored in the same write as the log lines it covers, so a server that restarts
    /// follows the script again from exactly there, with no line lost or repeated.
    /// </summary>
    public long TentacleSequence { get; init; }
}
