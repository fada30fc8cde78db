using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectDeleteCommand : OctoCommand
{
    private readonly Argument<string> _project = ProjectArgument.Create();

    public ProjectDeleteCommand(GlobalOptions options) : base("delete", "Delete a project with its runbooks and variables", options) => Arguments.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var project = await context.Client.DeleteAsync($"api/projects/{OctoLiteClient.Segment(context.ParseResult.GetValue(_project)!)}", CliJsonContext.Default.Project, cancellationToken);
        context.Render(project, CliJsonContext.Default.Project, (w, p) => w.WriteLine($"Deleted project '{p.Name}' ({p.Id}) with its runbooks and variables."));
        return ExitCodes.Ok;
    }
}
