using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Policies;

internal sealed class PolicyDeleteCommand : OctoCommand
{
    private readonly Argument<string> _policy = PolicyArgument.Create();

    public PolicyDeleteCommand(GlobalOptions options) : base("delete", "Delete a machine policy no worker uses (never the default one)", options) => Arguments.Add(_policy);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var policy = await context.Client.DeleteAsync($"api/machinepolicies/{OctoLiteClient.Segment(context.ParseResult.GetValue(_policy)!)}", CliJsonContext.Default.MachinePolicy, cancellationToken);
        context.Render(policy, CliJsonContext.Default.MachinePolicy, (w, p) => w.WriteLine($"Deleted machine policy '{p.Name}' ({p.Id})."));
        return ExitCodes.Ok;
    }
}
