using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerShowCommand : OctoCommand
{
    private readonly Argument<string> _worker = WorkerArgument.Create();

    private readonly Option<int> _history = new("--history")
    {
        Description = "How many of its latest health history entries to show under it (table output only; 0 for none)",
        HelpName = "n",
        DefaultValueFactory = _ => 5,
    };

    public WorkerShowCommand(GlobalOptions options) : base("show", "Show one worker, with its latest health history", options)
    {
        Arguments.Add(_worker);
        Options.Add(_history);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = $"api/workers/{OctoLiteClient.Segment(context.ParseResult.GetValue(_worker)!)}";
        var take = context.ParseResult.GetValue(_history);
        if (take is < 0 or > Server.Health.WorkerHealthService.MaxHistoryTake)
        {
            throw CliException.Usage($"--history is a number of entries from 0 to {Server.Health.WorkerHealthService.MaxHistoryTake} (got {take}).");
        }

        var worker = await context.Client.GetAsync(path, CliJsonContext.Default.Worker, cancellationToken);
        await WorkerOutput.WriteAsync(context, worker, cancellationToken);
        if (context.Format == Output.OutputFormat.Table && take > 0)
        {
            var history = await context.Client.GetAsync($"api/workers/{OctoLiteClient.Segment(worker.Id)}/health?take={take}", CliJsonContext.Default.ListWorkerHealthRecord, cancellationToken);
            context.Out.WriteLine();
            if (history.Count == 0)
            {
                context.Out.WriteLine("Health history: none yet (check it with `octolite worker health-check`).");
            }
            else
            {
                context.Out.WriteLine("Health history (newest first):");
                WorkerView.History(context.Out, history, context.Time);
            }
        }

        return ExitCodes.Ok;
    }
}
