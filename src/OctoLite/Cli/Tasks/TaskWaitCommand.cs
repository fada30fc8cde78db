using System.CommandLine;
using System.Globalization;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskWaitCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();
    private readonly Option<double?> _timeout = new("--timeout") { Description = "Give up waiting after this many seconds and exit 6 (the task keeps running); default: wait as long as it takes", HelpName = "seconds" };

    public TaskWaitCommand(GlobalOptions options)
        : base("wait", "Wait for a task to end, then show it; exits 0 Success, 1 Failed, 3 Canceled or TimedOut, 6 still running at --timeout, 130 on Ctrl+C", options)
    {
        Arguments.Add(_task);
        Options.Add(_timeout);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var id = result.GetValue(_task)!;
        var seconds = result.GetValue(_timeout);
        if (seconds is { } s && !(s > 0 && s <= TimeSpan.MaxValue.TotalSeconds))
        {
            throw CliException.Usage($"--timeout is a number of seconds greater than 0 (got {s.ToString(CultureInfo.InvariantCulture)}).");
        }

        Domain.ServerTask task;
        try
        {
            task = await TaskWaiter.WaitAsync(context, id, seconds is { } limit ? TimeSpan.FromSeconds(limit) : null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TaskOutcome.Interrupted(context, id, following: false);
        }

        context.Render(TaskView.Redact(task), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
        context.Error.WriteLine(task.IsCompleted
            ? TaskOutcome.Summary(task)
            : $"{task.Id} is still {task.State} after waiting {seconds!.Value.ToString(CultureInfo.InvariantCulture)} s; it keeps running.");
        return TaskOutcome.ExitCode(task);
    }
}
