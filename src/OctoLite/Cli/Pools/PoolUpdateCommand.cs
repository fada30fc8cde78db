using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

/// <summary><c>pool update</c>: sends just the options given, refuses a call that changes nothing.</summary>
internal sealed class PoolUpdateCommand : OctoCommand
{
    private readonly Argument<string> _pool = PoolArgument.Create();
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<string?> _description = new("--description") { Description = "New description", HelpName = "text" };
    private readonly Option<int?> _sortOrder = new("--sort-order") { Description = "New position in the pool list; pools at or after it move down", HelpName = "n" };
    private readonly Option<int?> _maxLeases = MaxLeasesOption.Create("a worker of the pool");

    public PoolUpdateCommand(GlobalOptions options) : base("update", "Change a worker pool's name, description, sort order or lease cap", options)
    {
        Arguments.Add(_pool);
        Options.Add(_name);
        Options.Add(_description);
        Options.Add(_sortOrder);
        Options.Add(_maxLeases);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var patch = MaxLeasesOption.Apply(new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Set("SortOrder", result.GetValue(_sortOrder)), result.GetValue(_maxLeases));
        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --description, --sort-order or --max-concurrent-leases.");
        }

        var pool = await context.Client.PutAsync($"api/workerpools/{OctoLiteClient.Segment(result.GetValue(_pool)!)}", patch.Body, CliJsonContext.Default.WorkerPool, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, PoolView.One);
        return ExitCodes.Ok;
    }
}
