using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolSetDefaultCommand : OctoCommand
{
    private readonly Argument<string> _pool = PoolArgument.Create();

    public PoolSetDefaultCommand(GlobalOptions options) : base("set-default", "Make a worker pool the default one", options) => Arguments.Add(_pool);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new JsonPatch().Set("IsDefault", true).Body;
        var pool = await context.Client.PutAsync($"api/workerpools/{OctoLiteClient.Segment(context.ParseResult.GetValue(_pool)!)}", body, CliJsonContext.Default.WorkerPool, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, PoolView.One);
        return ExitCodes.Ok;
    }
}
