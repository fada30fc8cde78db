using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

internal sealed class TargetShowCommand : OctoCommand
{
    private readonly Argument<string> _target = TargetArgument.Create();

    public TargetShowCommand(GlobalOptions options) : base("show", "Show one deployment target", options) => Arguments.Add(_target);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var target = await context.Client.GetAsync(
            $"api/machines/{OctoLiteClient.Segment(context.ParseResult.GetValue(_target)!)}", CliJsonContext.Default.DeploymentTarget, cancellationToken);
        await TargetOutput.WriteAsync(context, target, cancellationToken);
        return ExitCodes.Ok;
    }
}
