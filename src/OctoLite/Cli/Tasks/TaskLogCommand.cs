using System.CommandLine;

namespace OctoLite.Cli.Tasks;

internal sealed class TaskLogCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Keep printing lines as they are written until the task ends, then its outcome on stderr; exits 0 whatever the outcome (task wait exits with it); Ctrl+C stops following (exit 130), the task keeps running" };
    private readonly Option<long> _after = new("--after") { Description = "Only lines after this sequence number (each JSON line carries its Sequence)", HelpName = "n" };
    private readonly Option<bool> _verbose = VerboseOption.Create();

    public TaskLogCommand(GlobalOptions options)
        : base("log", "Print a task's log: 'HH:mm:ss  Level  text' lines, a step's lines indented under its heading; with -o json, one JSON object per line", options)
    {
        Arguments.Add(_task);
        Options.Add(_follow);
        Options.Add(_after);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var id = result.GetValue(_task)!;
        var reader = new TaskLogReader(context, new TaskLogPrinter(context, result.GetValue(_verbose)));
        if (!result.GetValue(_follow))
        {
            await reader.ReadAsync(id, result.GetValue(_after), cancellationToken);
            return ExitCodes.Ok;
        }

        try
        {
            var task = await reader.FollowAsync(id, result.GetValue(_after), cancellationToken);
            context.Error.WriteLine(TaskOutcome.Summary(task));
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TaskOutcome.Interrupted(context, id, following: true);
        }
    }
}
