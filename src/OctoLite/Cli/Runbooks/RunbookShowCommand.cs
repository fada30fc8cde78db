using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;

namespace OctoLite.Cli.Runbooks;

internal sealed class RunbookShowCommand : OctoCommand
{
    private readonly Argument<string> _runbook = RunbookArgument.Create();
    private readonly Option<string?> _project = ProjectOption.Optional("The runbook's project (needed when the runbook is given by name)");

    public RunbookShowCommand(GlobalOptions options) : base("show", "Show one runbook and its steps", options)
    {
        Arguments.Add(_runbook);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var runbook = await context.Client.GetAsync(RunbookArgument.Path(result.GetValue(_runbook)!, result.GetValue(_project)), CliJsonContext.Default.Runbook, cancellationToken);
        context.Render(runbook, CliJsonContext.Default.Runbook, RunbookView.One);
        return ExitCodes.Ok;
    }
}
