namespace OctoLite.Domain;

/// <summary>Where one step of a task is.</summary>
internal enum TaskStepState
{
    Pending,
    Running,
    Success,
    Failed,
    Canceled,
    TimedOut,
    /// <summary>Not run because an earlier step failed or the task ended first.</summary>
    Skipped,
}
