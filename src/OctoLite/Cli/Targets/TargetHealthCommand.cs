using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Targets;

internal sealed class TargetHealthCommand : OctoCommand
{
    private readonly Argument<string> _target = TargetArgument.Create();

    public TargetHealthCommand(GlobalOptions options) : base("health", "Check a deployment target's health now", options) => Arguments.Add(_target);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = $"api/machines/{OctoLiteClient.Segment(context.ParseResult.GetValue(_target)!)}/health";
        var check = await context.Client.PostAsync(path, [], CliJsonContext.Default.TargetHealthCheck, cancellationToken);
        context.Render(check, CliJsonContext.Default.TargetHealthCheck, (w, c) => TargetView.Health(w, c, context.Time));
        return ExitCodes.Ok;
    }
}
