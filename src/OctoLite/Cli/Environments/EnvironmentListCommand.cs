using OctoLite.Cli.Client;

namespace OctoLite.Cli.Environments;

internal sealed class EnvironmentListCommand(GlobalOptions options) : OctoCommand("list", "List environments in their sort order", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var environments = await context.Client.GetAsync("api/environments/all", CliJsonContext.Default.ListDeploymentEnvironment, cancellationToken);
        context.Render(environments, CliJsonContext.Default.ListDeploymentEnvironment, EnvironmentView.List);
        return ExitCodes.Ok;
    }
}
