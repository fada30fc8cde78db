using OctoLite.Cli.Client;

namespace OctoLite.Cli.Policies;

internal sealed class PolicyListCommand(GlobalOptions options) : OctoCommand("list", "List machine policies", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var policies = await context.Client.GetAsync("api/machinepolicies/all", CliJsonContext.Default.ListMachinePolicy, cancellationToken);
        context.Render(policies, CliJsonContext.Default.ListMachinePolicy, PolicyView.List);
        return ExitCodes.Ok;
    }
}
