using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerListCommand : OctoCommand
{
    private readonly Option<string?> _pool = new("--pool") { Description = "Only workers in this pool (name or id)", HelpName = "pool" };
    private readonly Option<HealthStatus?> _health = new("--health") { Description = "Only workers whose last health check gave this: Healthy, HasWarnings, Unhealthy, Unavailable or Unknown", HelpName = "status" };
    private readonly Option<string?> _name = new("--name") { Description = "Only workers whose name contains this text", HelpName = "text" };

    public WorkerListCommand(GlobalOptions options) : base("list", "List workers", options)
    {
        Options.Add(_pool);
        Options.Add(_health);
        Options.Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var query = new List<string>();
        if (result.GetValue(_pool) is { } pool)
        {
            query.Add($"pool={Uri.EscapeDataString(pool)}");
        }

        if (result.GetValue(_health) is { } health)
        {
            query.Add($"health={health}");
        }

        if (result.GetValue(_name) is { } name)
        {
            query.Add($"name={Uri.EscapeDataString(name)}");
        }

        var path = "api/workers" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var page = await context.Client.GetAsync(path, CliJsonContext.Default.ResourceCollectionWorker, cancellationToken);
        var workers = page.Items.ToList();
        if (context.Format == Output.OutputFormat.Json)
        {
            context.Render(workers, CliJsonContext.Default.ListWorker, (_, _) => { });
            return ExitCodes.Ok;
        }

        var poolNames = await PoolNames.LoadAsync(context, cancellationToken);
        WorkerView.List(context.Out, workers, poolNames);
        return ExitCodes.Ok;
    }
}
