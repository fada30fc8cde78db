using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Environments;

internal sealed class EnvironmentShowCommand : OctoCommand
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();

    public EnvironmentShowCommand(GlobalOptions options) : base("show", "Show one environment and its deployment targets", options) => Arguments.Add(_environment);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var environment = await context.Client.GetAsync(
            $"api/environments/{OctoLiteClient.Segment(context.ParseResult.GetValue(_environment)!)}", CliJsonContext.Default.DeploymentEnvironment, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            context.Render(environment, CliJsonContext.Default.DeploymentEnvironment, EnvironmentView.One);
            return ExitCodes.Ok;
        }

        var targets = await context.Client.GetAsync(
            $"api/machines?environment={Uri.EscapeDataString(environment.Id)}", CliJsonContext.Default.ResourceCollectionDeploymentTarget, cancellationToken);
        EnvironmentView.One(context.Out, environment, targets.Items);
        return ExitCodes.Ok;
    }
}
