using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Targets;

internal sealed class TargetListCommand : OctoCommand
{
    private readonly Option<string?> _environment = new("--environment") { Description = "Only targets in this environment (name or id)", HelpName = "environment" };
    private readonly Option<string?> _role = new("--role") { Description = "Only targets with this role", HelpName = "role" };

    public TargetListCommand(GlobalOptions options) : base("list", "List deployment targets", options)
    {
        Options.Add(_environment);
        Options.Add(_role);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var query = new List<string>();
        if (result.GetValue(_environment) is { } environment)
        {
            query.Add($"environment={Uri.EscapeDataString(environment)}");
        }

        if (result.GetValue(_role) is { } role)
        {
            query.Add($"role={Uri.EscapeDataString(role)}");
        }

        var path = "api/machines" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var page = await context.Client.GetAsync(path, CliJsonContext.Default.ResourceCollectionDeploymentTarget, cancellationToken);
        var targets = page.Items.ToList();
        if (context.Format == OutputFormat.Json)
        {
            context.Render(targets, CliJsonContext.Default.ListDeploymentTarget, (_, _) => { });
            return ExitCodes.Ok;
        }

        var names = await TargetNames.LoadAsync(context, cancellationToken);
        TargetView.List(context.Out, targets, names);
        return ExitCodes.Ok;
    }
}
