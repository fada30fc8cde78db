using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Environments;

internal sealed class EnvironmentCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new environment, such as Test or Production", HelpName = "name", Required = true };
    private readonly Option<string?> _description = new("--description") { Description = "What the environment is for", HelpName = "text" };
    private readonly Option<int?> _sortOrder = new("--sort-order") { Description = "Position in the environment list, lower first (default: after the last)", HelpName = "n" };

    public EnvironmentCreateCommand(GlobalOptions options) : base("create", "Create an environment", options)
    {
        Options.Add(_name);
        Options.Add(_description);
        Options.Add(_sortOrder);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Set("SortOrder", result.GetValue(_sortOrder));
        var environment = await context.Client.PostAsync("api/environments", body.Body, CliJsonContext.Default.DeploymentEnvironment, cancellationToken);
        context.Render(environment, CliJsonContext.Default.DeploymentEnvironment, EnvironmentView.One);
        return ExitCodes.Ok;
    }
}
