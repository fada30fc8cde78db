using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new project", HelpName = "name", Required = true };
    private readonly Option<string?> _description = new("--description") { Description = "What the project is for", HelpName = "text" };

    public ProjectCreateCommand(GlobalOptions options) : base("create", "Create a project", options)
    {
        Options.Add(_name);
        Options.Add(_description);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch().Set("Name", result.GetValue(_name)).Set("Description", result.GetValue(_description));
        var project = await context.Client.PostAsync("api/projects", body.Body, CliJsonContext.Default.Project, cancellationToken);
        context.Render(project, CliJsonContext.Default.Project, ProjectView.One);
        return ExitCodes.Ok;
    }
}
