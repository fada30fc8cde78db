using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

internal sealed class TargetCreateCommand : OctoCommand
{
    private readonly TargetOptions _target = new(creating: true);
    private readonly Option<string> _kind = new("--kind")
    {
        Description = "What the target is: CloudRegion (no endpoint; its steps run on workers)",
        HelpName = "kind",
        DefaultValueFactory = _ => "CloudRegion",
    };

    public TargetCreateCommand(GlobalOptions options) : base("create", "Register a deployment target", options)
    {
        foreach (var option in _target.All)
        {
            Options.Add(option);
        }

        Options.Add(_kind);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = _target.ToPatch(result).Set("Kind", TargetOptions.Kind(result.GetValue(_kind)!));
        var target = await context.Client.PostAsync("api/machines", body.Body, CliJsonContext.Default.DeploymentTarget, cancellationToken);
        await TargetOutput.WriteAsync(context, target, cancellationToken);
        return ExitCodes.Ok;
    }
}
