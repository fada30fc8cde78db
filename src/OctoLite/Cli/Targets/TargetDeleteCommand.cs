using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

internal sealed class TargetDeleteCommand : OctoCommand
{
    private readonly Argument<string> _target = TargetArgument.Create();

    public TargetDeleteCommand(GlobalOptions options) : base("delete", "Delete a deployment target", options) => Arguments.Add(_target);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var target = await context.Client.DeleteAsync(
            $"api/machines/{OctoLiteClient.Segment(context.ParseResult.GetValue(_target)!)}", CliJsonContext.Default.DeploymentTarget, cancellationToken);
        context.Render(target, CliJsonContext.Default.DeploymentTarget, (w, t) => w.WriteLine($"Deleted deployment target '{t.Name}' ({t.Id})."));
        return ExitCodes.Ok;
    }
}
