namespace OctoLite.Domain;

/// <summary>The progress of one step of a task's process.</summary>
internal sealed record TaskStep
{
    public string StepId { get; init; } = "";
    public string Name { get; init; } = "";
    public TaskStepState State { get; init; } = TaskStepState.Pending;
    /// <summary>Where the step runs, e.g. "built-in worker".</summary>
    public string Worker { get; init; } = "";
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletedTime { get; init; }
    /// <summary>The script's exit code once it has exited (128 + signal when a signal ended it).</summary>
    public int? ExitCode { get; init; }
    public string ErrorMessage { get; init; } = "";
    /// <summary>The script's process group on the built-in worker while it runs, with its leader's start time (clock ticks after boot), so a restarted server can stop a script its predecessor left behind.</summary>
    public int? ProcessGroupId { get; init; }
    public long? ProcessStartTime { get; init; }
    /// <summary>The log block of the step's lines.</summary>
    public string Block { get; init; } = "";
}
