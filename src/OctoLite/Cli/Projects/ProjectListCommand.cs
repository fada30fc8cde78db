using OctoLite.Cli.Client;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectListCommand(GlobalOptions options) : OctoCommand("list", "List projects by name", options)
{
    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var projects = await context.Client.GetAsync("api/projects/all", CliJsonContext.Default.ListProject, cancellationToken);
        context.Render(projects, CliJsonContext.Default.ListProject, ProjectView.List);
        return ExitCodes.Ok;
    }
}
