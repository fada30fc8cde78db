using OctoLite.Cli.Client;
using OctoLite.Cli.Projects;
using OctoLite.Domain;

namespace OctoLite.Cli.Runbooks;

/// <summary><c>runbook show</c> and <c>runbook delete</c>.</summary>
internal static class RunbookVerbs
{
    private const string ProjectHelp = "The runbook's project (needed when the runbook is given by name)";

    public static ProjectScopedCommand<Runbook> Show(GlobalOptions options) => new(options, "show", "Show one runbook and its steps",
        RunbookArgument.Create(), ProjectHelp, (runbook, project) => RunbookArgument.Path(runbook, project), delete: false, CliJsonContext.Default.Runbook, RunbookView.One);

    public static ProjectScopedCommand<Runbook> Delete(GlobalOptions options) => new(options, "delete", "Delete a runbook",
        RunbookArgument.Create(), ProjectHelp, (runbook, project) => RunbookArgument.Path(runbook, project), delete: true, CliJsonContext.Default.Runbook,
        (w, r) => w.WriteLine($"Deleted runbook '{r.Name}' ({r.Id})."));
}
