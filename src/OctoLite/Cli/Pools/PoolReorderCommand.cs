using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolReorderCommand : OctoCommand
{
    private readonly Argument<string[]> _pools = new("pools")
    {
        Description = "Pools (names or ids) to put first, in this order; the others keep their order after them",
        Arity = ArgumentArity.OneOrMore,
    };

    public PoolReorderCommand(GlobalOptions options) : base("reorder", "Change the order worker pools are listed in", options) => Arguments.Add(_pools);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var body = new JsonPatch().Set("WorkerPoolIds", context.ParseResult.GetValue(_pools)).Body;
        var pools = await context.Client.PutAsync("api/workerpools/sortorder", body, CliJsonContext.Default.ListWorkerPool, cancellationToken);
        context.Render(pools, CliJsonContext.Default.ListWorkerPool, PoolView.List);
        return ExitCodes.Ok;
    }
}
