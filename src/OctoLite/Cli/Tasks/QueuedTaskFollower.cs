using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>
/// What a verb that queues a task does next: print it, or wait for it (<c>--wait</c>) or stream its log
/// (<c>--follow</c>) and exit with the task's outcome. Shared by <c>runbook run</c>, <c>deploy</c> and <c>worker health-check</c>.
/// </summary>
internal static class QueuedTaskFollower
{
    public static async Task<int> FinishAsync(CliContext context, ServerTask task, bool wait, bool follow, bool verbose, CancellationToken cancellationToken)
    {
        if (!follow && !wait)
        {
            context.Render(TaskView.Redact(task), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
            context.Error.WriteLine($"Queued {task.Id}. Follow it with `octolite task log {task.Id} --follow`, or wait for it with `octolite task wait {task.Id}`.");
            return ExitCodes.Ok;
        }

        context.Error.WriteLine($"Queued {task.Id}: {task.Description}.");
        ServerTask final;
        try
        {
            final = follow
                ? await new TaskLogReader(context, new TaskLogPrinter(context, verbose)).FollowAsync(task.Id, 0, cancellationToken)
                : await TaskWaiter.WaitAsync(context, task.Id, null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TaskOutcome.Interrupted(context, task.Id, follow);
        }

        if (!follow)
        {
            context.Render(TaskView.Redact(final), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
        }

        context.Error.WriteLine(TaskOutcome.Summary(final));
        return TaskOutcome.ExitCode(final);
    }
}
