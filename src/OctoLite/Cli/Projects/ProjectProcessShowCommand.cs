using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Runbooks;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectProcessShowCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();

    public ProjectProcessShowCommand(GlobalOptions options) : base("show", "Show a project's deployment process", options) => Options.Add(_project);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var path = $"api/projects/{OctoLiteClient.Segment(context.ParseResult.GetValue(_project)!)}/deploymentprocess";
        var process = await context.Client.GetAsync(path, CliJsonContext.Default.DeploymentProcess, cancellationToken);
        context.Render(process, CliJsonContext.Default.DeploymentProcess, (w, p) =>
        {
            if (p.Steps.Count == 0)
            {
                w.WriteLine("The deployment process has no steps. Set one with `octolite project process set --project P --file process.json`.");
                return;
            }

            ProcessView.Steps(w, p);
        });
        return ExitCodes.Ok;
    }
}
