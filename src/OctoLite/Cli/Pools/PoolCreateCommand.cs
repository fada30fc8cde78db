using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Pools;

internal sealed class PoolCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new pool", HelpName = "name", Required = true };
    private readonly Option<string?> _description = new("--description") { Description = "What the pool is for", HelpName = "text" };
    private readonly Option<bool> _default = new("--default") { Description = "Make it the default pool" };
    private readonly Option<int?> _sortOrder = new("--sort-order") { Description = "Position in the pool list; pools at or after it move down (default: last)", HelpName = "n" };
    private readonly Option<int?> _maxLeases = MaxLeasesOption.Create("a worker of the pool");

    public PoolCreateCommand(GlobalOptions options) : base("create", "Create a static worker pool", options)
    {
        Options.Add(_name);
        Options.Add(_description);
        Options.Add(_default);
        Options.Add(_sortOrder);
        Options.Add(_maxLeases);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = MaxLeasesOption.Apply(new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Set("IsDefault", result.GetValue(_default) ? true : null)
            .Set("SortOrder", result.GetValue(_sortOrder)), result.GetValue(_maxLeases));
        var pool = await context.Client.PostAsync("api/workerpools", body.Body, CliJsonContext.Default.WorkerPool, cancellationToken);
        context.Render(pool, CliJsonContext.Default.WorkerPool, PoolView.One);
        return ExitCodes.Ok;
    }
}
