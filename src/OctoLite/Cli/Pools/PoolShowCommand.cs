using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolShowCommand : OctoCommand
{
    private readonly Argument<string> _pool = PoolArgument.Create();

    public PoolShowCommand(GlobalOptions options) : base("show", "Show one worker pool", options) => Arguments.Add(_pool);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var pool = await context.Client.GetAsync($"api/workerpools/{OctoLiteClient.Segment(context.ParseResult.GetValue(_pool)!)}", CliJsonContext.Default.WorkerPool, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, PoolView.One);
        return ExitCodes.Ok;
    }
}
