using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Pools;

internal sealed class PoolShowCommand : OctoCommand
{
    private readonly Argument<string> _pool = PoolArgument.Create();

    public PoolShowCommand(GlobalOptions options) : base("show", "Show one worker pool", options) => Arguments.Add(_pool);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var segment = OctoLiteClient.Segment(context.ParseResult.GetValue(_pool)!);
        var pool = await context.Client.GetAsync($"api/workerpools/{segment}", CliJsonContext.Default.WorkerPool, cancellationToken);
        var summary = context.Format == OutputFormat.Json ? null : await context.Client.GetAsync($"api/workerpools/{segment}/summary", CliJsonContext.Default.WorkerPoolSummary, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, (writer, one) => PoolView.One(writer, one, summary));
        return ExitCodes.Ok;
    }
}
