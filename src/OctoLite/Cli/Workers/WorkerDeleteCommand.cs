using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerDeleteCommand : OctoCommand
{
    private readonly Argument<string> _worker = WorkerArgument.Create();

    public WorkerDeleteCommand(GlobalOptions options) : base("delete", "Delete a worker", options) => Arguments.Add(_worker);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var worker = await context.Client.DeleteAsync($"api/workers/{OctoLiteClient.Segment(context.ParseResult.GetValue(_worker)!)}", CliJsonContext.Default.Worker, cancellationToken);
        context.Render(worker, CliJsonContext.Default.Worker, (w, x) => w.WriteLine($"Deleted worker '{x.Name}' ({x.Id})."));
        return ExitCodes.Ok;
    }
}
