using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Environments;

internal sealed class EnvironmentUpdateCommand : OctoCommand
{
    private readonly Argument<string> _environment = EnvironmentArgument.Create();
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<string?> _description = new("--description") { Description = "New description", HelpName = "text" };
    private readonly Option<int?> _sortOrder = new("--sort-order") { Description = "New position in the environment list, lower first", HelpName = "n" };

    public EnvironmentUpdateCommand(GlobalOptions options) : base("update", "Change an environment's name, description or sort order", options)
    {
        Arguments.Add(_environment);
        Options.Add(_name);
        Options.Add(_description);
        Options.Add(_sortOrder);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var patch = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Set("SortOrder", result.GetValue(_sortOrder));
        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --description or --sort-order.");
        }

        var environment = await context.Client.PutAsync(
            $"api/environments/{OctoLiteClient.Segment(result.GetValue(_environment)!)}", patch.Body, CliJsonContext.Default.DeploymentEnvironment, cancellationToken);
        context.Render(environment, CliJsonContext.Default.DeploymentEnvironment, EnvironmentView.One);
        return ExitCodes.Ok;
    }
}
