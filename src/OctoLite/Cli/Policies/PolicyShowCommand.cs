using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Policies;

internal sealed class PolicyShowCommand : OctoCommand
{
    private readonly Argument<string> _policy = PolicyArgument.Create();

    public PolicyShowCommand(GlobalOptions options) : base("show", "Show one machine policy", options) => Arguments.Add(_policy);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var policy = await context.Client.GetAsync($"api/machinepolicies/{OctoLiteClient.Segment(context.ParseResult.GetValue(_policy)!)}", CliJsonContext.Default.MachinePolicy, cancellationToken);
        context.Render(policy, CliJsonContext.Default.MachinePolicy, PolicyView.One);
        return ExitCodes.Ok;
    }
}
