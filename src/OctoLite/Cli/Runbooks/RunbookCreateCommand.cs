using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookCreateCommand : OctoCommand
{
    private readonly Option<string> _project = ProjectOption.Required();
    private readonly Option<string> _name = new("--name") { Description = "Name of the new runbook, unique within the project", HelpName = "name", Required = true };
    private readonly Option<string> _file = new("--file") { Description = "The process as JSON: {\"steps\":[{\"name\":…,\"syntax\":\"Bash\",\"script\":…,\"timeout\":\"00:10:00\"}]}", HelpName = "process.json", Required = true };
    private readonly Option<string?> _description = new("--description") { Description = "What the runbook is for", HelpName = "text" };

    public RunbookCreateCommand(GlobalOptions options) : base("create", "Create a runbook in a project from a process file", options)
    {
        Options.Add(_project);
        Options.Add(_name);
        Options.Add(_file);
        Options.Add(_description);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var file = result.GetValue(_file)!;
        var body = new JsonPatch()
            .Set("ProjectId", result.GetValue(_project))
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Body;
        body["Process"] = ProcessFile.Read(file);
        var runbook = await ProcessFile.SendAsync(file, () => context.Client.PostAsync("api/runbooks", body, CliJsonContext.Default.Runbook, cancellationToken));
        context.Render(runbook, CliJsonContext.Default.Runbook, RunbookView.One);
        return ExitCodes.Ok;
    }
}
