using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectShowCommand : OctoCommand
{
    private readonly Argument<string> _project = ProjectArgument.Create();

    public ProjectShowCommand(GlobalOptions options) : base("show", "Show one project and its runbooks", options) => Arguments.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var project = await context.Client.GetAsync($"api/projects/{OctoLiteClient.Segment(context.ParseResult.GetValue(_project)!)}", CliJsonContext.Default.Project, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            context.Render(project, CliJsonContext.Default.Project, ProjectView.One);
            return ExitCodes.Ok;
        }

        var runbooks = await context.Client.GetAsync($"api/runbooks/all?project={Uri.EscapeDataString(project.Id)}", CliJsonContext.Default.ListRunbook, cancellationToken);
        ProjectView.One(context.Out, project, runbooks);
        return ExitCodes.Ok;
    }
}
