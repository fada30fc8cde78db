using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Environments;

internal sealed class EnvironmentDeleteCommand : OctoCommand
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();

    public EnvironmentDeleteCommand(GlobalOptions options) : base("delete", "Delete an environment that holds no deployment targets", options) => Arguments.Add(_environment);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var environment = await context.Client.DeleteAsync(
            $"api/environments/{OctoLiteClient.Segment(context.ParseResult.GetValue(_environment)!)}", CliJsonContext.Default.DeploymentEnvironment, cancellationToken);
        context.Render(environment, CliJsonContext.Default.DeploymentEnvironment, (w, e) => w.WriteLine($"Deleted environment '{e.Name}' ({e.Id})."));
        return ExitCodes.Ok;
    }
}
