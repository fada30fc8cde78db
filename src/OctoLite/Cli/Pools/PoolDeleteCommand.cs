using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolDeleteCommand : OctoCommand
{
    private readonly Argument<string> _pool = PoolArgument.Create();

    public PoolDeleteCommand(GlobalOptions options) : base("delete", "Delete an empty worker pool (never the default one)", options) => Arguments.Add(_pool);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var pool = await context.Client.DeleteAsync($"api/workerpools/{OctoLiteClient.Segment(context.ParseResult.GetValue(_pool)!)}", CliJsonContext.Default.WorkerPool, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, (w, p) => w.WriteLine($"Deleted worker pool '{p.Name}' ({p.Id})."));
        return ExitCodes.Ok;
    }
}
