using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookUpdateCommand : OctoCommand
{
    private readonly Argument<string> _runbook = RunbookArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The runbook's project (needed when the runbook is given by name)");
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<string?> _file = new("--file") { Description = "Replace the process with this file's (steps of the same name keep their ids)", HelpName = "process.json" };
    private readonly Option<string?> _description = new("--description") { Description = "New description", HelpName = "text" };

    public RunbookUpdateCommand(GlobalOptions options) : base("update", "Change a runbook's name, description or process", options)
    {
        Arguments.Add(_runbook);
        Options.Add(_project);
        Options.Add(_name);
        Options.Add(_file);
        Options.Add(_description);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var file = result.GetValue(_file);
        var patch = new JsonPatch().Set("Name", result.GetValue(_name)).Set("Description", result.GetValue(_description));
        if (file is not null)
        {
            patch.Body["Process"] = ProcessFile.Read(file);
        }

        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --description or --file.");
        }

        var path = RunbookArgument.Path(result.GetValue(_runbook)!, result.GetValue(_project));
        var runbook = await ProcessFile.SendAsync(file, () => context.Client.PutAsync(path, patch.Body, CliJsonContext.Default.Runbook, cancellationToken));
        context.Render(runbook, CliJsonContext.Default.Runbook, RunbookView.One);
        return ExitCodes.Ok;
    }
}
