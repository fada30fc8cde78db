namespace OctoLite.Domain;

/// <summary>
/// A unit of work the server queues and runs: a runbook run, a deployment or a health check (Octopus's
/// TaskResource). The process is snapshotted when the task is queued, so editing the runbook afterwards does not
/// change a run that is waiting. The log lives in its own collection (see <see cref="TaskLogLine"/>).
/// </summary>
internal sealed record ServerTask
{
    public string Id { get; init; } = "";
    /// <summary>The task's kind as Octopus names it, e.g. "RunbookRun".</summary>
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public TaskKind Kind { get; init; }
    public TaskState State { get; init; } = TaskState.Queued;
    public DateTimeOffset QueueTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletedTime { get; init; }
    /// <summary>The node that ran (or runs) the task.</summary>
    public string ServerNode { get; init; } = "";
    public string ErrorMessage { get; init; } = "";
    public bool HasWarningsOrErrors { get; init; }
    public string ProjectId { get; init; } = "";
    public string RunbookId { get; init; } = "";
    /// <summary>The environment a deployment (or a runbook run given one) targets; empty when none.</summary>
    public string EnvironmentId { get; init; } = "";
    /// <summary>The release a deployment deploys; empty for other tasks.</summary>
    public string ReleaseId { get; init; } = "";
    /// <summary>Two tasks with the same tag never execute at once; empty for none. A deployment's default is "&lt;project id&gt;/&lt;environment id&gt;".</summary>
    public string ConcurrencyTag { get; init; } = "";
    /// <summary>For a Health task, the workers it checks; null for other tasks.</summary>
    public HealthCheckScope? HealthCheck { get; init; }
    /// <summary>Steps left out of this run when it was queued (ids).</summary>
    public IReadOnlyList<string> SkippedStepIds { get; init; } = [];
    /// <summary>Manual interventions raised by the task, awaiting or resolved.</summary>
    public IReadOnlyList<Interruption> Interruptions { get; init; } = [];
    /// <summary>Who queued it.</summary>
    public string QueuedBy { get; init; } = "";
    /// <summary>How long the whole task may run; null means no limit.</summary>
    public TimeSpan? Timeout { get; init; }
    public DeploymentProcess Process { get; init; } = new();
    public IReadOnlyList<TaskStep> Steps { get; init; } = [];
    public IReadOnlyList<TaskLogBlock> LogBlocks { get; init; } = [];
    public IReadOnlyList<OutputVariable> OutputVariables { get; init; } = [];
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];
    /// <summary>Lines stored in the log so far.</summary>
    public long LogLineCount { get; init; }

    public bool IsCompleted => State.IsCompleted();

    /// <summary>A manual intervention waits for someone to proceed or abort.</summary>
    public bool HasPendingInterruptions => (Interruptions ?? []).Any(i => i.IsPending);
}
