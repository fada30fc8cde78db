using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookDeleteCommand : OctoCommand
{
    private readonly Argument<string> _runbook = RunbookArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The runbook's project (needed when the runbook is given by name)");

    public RunbookDeleteCommand(GlobalOptions options) : base("delete", "Delete a runbook", options)
    {
        Arguments.Add(_runbook);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var runbook = await context.Client.DeleteAsync(RunbookArgument.Path(result.GetValue(_runbook)!, result.GetValue(_project)), CliJsonContext.Default.Runbook, cancellationToken);
        context.Render(runbook, CliJsonContext.Default.Runbook, (w, r) => w.WriteLine($"Deleted runbook '{r.Name}' ({r.Id})."));
        return ExitCodes.Ok;
    }
}
