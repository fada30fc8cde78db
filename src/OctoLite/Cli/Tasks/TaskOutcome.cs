using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>How a verb that waits for a task ends: the exit code its final state maps to, and a one-line summary for stderr.</summary>
internal static class TaskOutcome
{
    public static int ExitCode(ServerTask task) => task.State switch
    {
        TaskState.Success => ExitCodes.Ok,
        TaskState.Failed => ExitCodes.Failed,
        TaskState.Canceled or TaskState.TimedOut => ExitCodes.CancelledOrTimedOut,
        _ => ExitCodes.StillRunning,
    };

    public static string Summary(ServerTask task)
    {
        if (!task.IsCompleted)
        {
            return $"{task.Id} is still {task.State}; it keeps running.";
        }

        var took = task.StartTime is { } started && task.CompletedTime is { } completed ? $" after {Display.Elapsed(completed - started)}" : "";
        return task.ErrorMessage.Length > 0 ? $"{task.Id} ended {task.State}{took}: {task.ErrorMessage}" : $"{task.Id} ended {task.State}{took}.";
    }

    /// <summary>Ctrl+C while waiting or following: the CLI stops watching, the task is left alone.</summary>
    public static int Interrupted(CliContext context, string taskId, bool following)
    {
        context.Error.WriteLine(following
            ? $"Stopped following {taskId}; the task keeps running. Follow it again with `octolite task log {taskId} --follow`, or cancel it with `octolite task cancel {taskId}`."
            : $"Stopped waiting for {taskId}; the task keeps running. Cancel it with `octolite task cancel {taskId}`.");
        return ExitCodes.Interrupted;
    }
}
