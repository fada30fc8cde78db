using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskShowCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();

    public TaskShowCommand(GlobalOptions options)
        : base("show", "Show one task: its state, steps (states, exit codes, durations), output variables (sensitive ones as ********) and artifacts", options) =>
        Arguments.Add(_task);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var task = await context.Client.GetAsync(TaskArgument.Path(context.ParseResult.GetValue(_task)!), CliJsonContext.Default.ServerTask, cancellationToken);
        context.Render(TaskView.Redact(task), CliJsonContext.Default.ServerTask, (w, t) => TaskView.One(w, t, context.Time));
        return ExitCodes.Ok;
    }
}
