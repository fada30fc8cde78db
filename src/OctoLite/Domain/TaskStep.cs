namespace OctoLite.Domain;

/// <summary>The progress of one step of a task's process.</summary>
internal sealed record TaskStep
{
    public string StepId { get; init; } = "";
    public string Name { get; init; } = "";
    public TaskStepState State { get; init; } = TaskStepState.Pending;
    /// <summary>Where the step runs, e.g. "built-in worker", "server" for in-server steps, or a summary when it fans out.</summary>
    public string Worker { get; init; } = "";
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletedTime { get; init; }
    /// <summary>The script's exit code once it has exited (128 + signal when a signal ended it).</summary>
    public int? ExitCode { get; init; }
    public string ErrorMessage { get; init; } = "";
    /// <summary>Where a script ran before invocations were recorded (data of older versions); now see <see cref="Invocations"/>.</summary>
    public int? ProcessGroupId { get; init; }
    public long? ProcessStartTime { get; init; }
    /// <summary>The step's script runs: one, or one per target.</summary>
    public IReadOnlyList<TaskStepInvocation> Invocations { get; init; } = [];
    /// <summary>The log block of the step's lines.</summary>
    public string Block { get; init; } = "";
}
