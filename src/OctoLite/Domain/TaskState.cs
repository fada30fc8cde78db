namespace OctoLite.Domain;

/// <summary>The life of a <see cref="ServerTask"/>, with Octopus's names. The last four are final.</summary>
internal enum TaskState
{
    Queued,
    Executing,
    Cancelling,
    Success,
    Failed,
    Canceled,
    TimedOut,
}

internal static class TaskStates
{
    public static bool IsCompleted(this TaskState state) => state is TaskState.Success or TaskState.Failed or TaskState.Canceled or TaskState.TimedOut;
}
