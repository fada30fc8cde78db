using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

/// <summary><c>target enable</c> and <c>target disable</c>: deployments skip a disabled target and health checks leave it alone.</summary>
internal sealed class TargetEnableCommand : OctoCommand
{
    private readonly Argument<string> _target = TargetArgument.Create();
    private readonly bool _enable;

    public TargetEnableCommand(GlobalOptions options, bool enable)
        : base(enable ? "enable" : "disable", enable ? "Let deployments use a deployment target again" : "Make deployments skip a deployment target", options)
    {
        _enable = enable;
        Arguments.Add(_target);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = $"api/machines/{OctoLiteClient.Segment(context.ParseResult.GetValue(_target)!)}/{(_enable ? "enable" : "disable")}";
        var target = await context.Client.PostAsync(path, [], CliJsonContext.Default.DeploymentTarget, cancellationToken);
        context.Render(target, CliJsonContext.Default.DeploymentTarget,
            (w, t) => w.WriteLine($"Deployment target '{t.Name}' ({t.Id}) is {(t.IsDisabled ? "disabled" : "enabled")}."));
        return ExitCodes.Ok;
    }
}
