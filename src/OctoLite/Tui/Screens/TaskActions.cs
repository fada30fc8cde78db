using OctoLite.Domain;

namespace OctoLite.Tui.Screens;

/// <summary>What the tasks screen and the task screen both do to a task.</summary>
internal static class TaskActions
{
    /// <summary>Asks, then cancels <paramref name="task"/>; says why not when it has already ended.</summary>
    public static void Cancel(ScreenContext context, ServerTask task)
    {
        var shell = context.Shell;
        if (task.IsCompleted)
        {
            shell.Say($"{task.Id} has already ended ({task.State}): there is nothing to cancel.", error: true);
            return;
        }

        if (!shell.Confirm("Cancel task", $"Cancel {task.Id} ({task.Description})? A queued task never starts; a running one has its scripts stopped."))
            return;

        shell.Run($"Cancelling {task.Id}", async ct =>
        {
            var canceled = await context.Api.CancelTaskAsync(task.Id, ct);
            return canceled.State == TaskState.Canceled
                ? $"Canceled {canceled.Id} before it started."
                : $"Cancelling {canceled.Id}: its scripts are being stopped.";
        });
    }
}
