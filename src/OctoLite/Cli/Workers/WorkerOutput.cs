using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Workers;

internal static class WorkerOutput
{
    public static async Task WriteAsync(CliContext context, Worker worker, CancellationToken cancellationToken)
    {
        if (context.Format == Output.OutputFormat.Json)
        {
            context.Render(worker, CliJsonContext.Default.Worker, (_, _) => { });
            return;
        }

        WorkerView.One(context.Out, worker, await PoolNames.LoadAsync(context, cancellationToken), context.Time);
    }
}
