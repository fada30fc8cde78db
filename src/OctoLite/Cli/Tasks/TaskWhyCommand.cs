using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Server.Tasks;

namespace OctoLite.Cli.Tasks;

/// <summary><c>task why ID</c>: what holds a queued or executing task back — the task cap, a concurrency tag, a worker lease, a mutex, a manual intervention.</summary>
internal sealed class TaskWhyCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();

    public TaskWhyCommand(GlobalOptions options)
        : base("why", "Explain why a task is not running yet, or what it waits for: task cap, concurrency tag, worker lease, mutex holder, manual intervention", options) =>
        Arguments.Add(_task);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var why = await context.Client.GetAsync(TaskArgument.Path(context.ParseResult.GetValue(_task)!, "/why"), CliJsonContext.Default.TaskWhy, cancellationToken);
        context.Render(why, CliJsonContext.Default.TaskWhy, (w, t) => Write(w, t, context.Time));
        return ExitCodes.Ok;
    }

    public static void Write(TextWriter writer, TaskWhy why, TimeProvider time)
    {
        writer.WriteLine($"{why.TaskId} is {why.State}.");
        foreach (var reason in why.Reasons)
        {
            var since = reason.Since is { } at && reason.Kind is not (WaitKind.Finished or WaitKind.Running) ? $" (for {Display.Elapsed(time.GetUtcNow() - at)})" : "";
            writer.WriteLine($"  {reason.Kind}: {reason.Message}{since}");
        }
    }
}
