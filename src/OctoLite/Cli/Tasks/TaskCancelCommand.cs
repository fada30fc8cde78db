using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskCancelCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();

    public TaskCancelCommand(GlobalOptions options)
        : base("cancel", "Cancel a task: a queued one never starts, a running one has its scripts stopped; exits 2 when it has already ended", options) =>
        Arguments.Add(_task);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = TaskArgument.Path(context.ParseResult.GetValue(_task)!, "/cancel");
        var task = await context.Client.PostAsync(path, [], CliJsonContext.Default.ServerTask, cancellationToken);
        context.Render(TaskView.Redact(task), CliJsonContext.Default.ServerTask, (w, t) => w.WriteLine(t.State == TaskState.Canceled
            ? $"Canceled {t.Id} before it started."
            : $"Cancelling {t.Id}: its scripts are being stopped. `octolite task wait {t.Id}` waits until it has ended."));
        return ExitCodes.Ok;
    }
}
