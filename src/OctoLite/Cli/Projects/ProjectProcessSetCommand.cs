using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Runbooks;

namespace OctoLite.Cli.Projects;

internal sealed class ProjectProcessSetCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _file = new("--file")
    {
        Description = "The deployment process as JSON, the same shape as a runbook's: {\"steps\":[{\"name\":…,\"script\":…}]}",
        HelpName = "process.json",
        Required = true,
    };

    public ProjectProcessSetCommand(GlobalOptions options) : base("set", "Replace a project's deployment process from a file (releases created later snapshot it)", options)
    {
        Options.Add(_project);
        Options.Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var file = result.GetValue(_file)!;
        var path = $"api/projects/{OctoLiteClient.Segment(result.GetValue(_project)!)}/deploymentprocess";
        var body = ProcessFile.Read(file);
        var process = await ProcessFile.SendAsync(file, "DeploymentProcess",
            () => context.Client.PutAsync(path, body, CliJsonContext.Default.DeploymentProcess, cancellationToken));
        context.Render(process, CliJsonContext.Default.DeploymentProcess, ProcessView.Steps);
        return ExitCodes.Ok;
    }
}
