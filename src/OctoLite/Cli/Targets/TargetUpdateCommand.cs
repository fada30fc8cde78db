using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

internal sealed class TargetUpdateCommand : OctoCommand
{
    private readonly Argument<string> _targetArgument = TargetArgument.Create();
    private readonly TargetOptions _target = new(creating: false);

    public TargetUpdateCommand(GlobalOptions options) : base("update", "Change a deployment target's name, roles, environments or default worker pool", options)
    {
        Arguments.Add(_targetArgument);
        foreach (var option in _target.All)
        {
            Options.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var patch = _target.ToPatch(result);
        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --roles, --environment or --worker-pool.");
        }

        var target = await context.Client.PutAsync(
            $"api/machines/{OctoLiteClient.Segment(result.GetValue(_targetArgument)!)}", patch.Body, CliJsonContext.Default.DeploymentTarget, cancellationToken);
        await TargetOutput.WriteAsync(context, target, cancellationToken);
        return ExitCodes.Ok;
    }
}
