using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerShowCommand : OctoCommand
{
    private readonly Argument<string> _worker = WorkerArgument.Create();

    public WorkerShowCommand(GlobalOptions options) : base("show", "Show one worker", options) => Arguments.Add(_worker);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var worker = await context.Client.GetAsync($"api/workers/{OctoLiteClient.Segment(context.ParseResult.GetValue(_worker)!)}", CliJsonContext.Default.Worker, cancellationToken);
        await WorkerOutput.WriteAsync(context, worker, cancellationToken);
        return ExitCodes.Ok;
    }
}
