using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>Projects: unique names; deleting one deletes its runbooks and variables with it, as in Octopus.</summary>
internal sealed class ProjectService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "Project";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public IReadOnlyList<Project> List() => store.Read(Ordered);

    public Result<Project> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    public Result<Project> Create(Project input, Actor who) => store.Write<Result<Project>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        var validated = Validate(s, input, current: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var project = validated.Value with { Id = s.NextId("Projects") };
        s.Projects.Insert(project);
        audit.Record(s, who, "Created", DocumentType, project.Id, $"Project '{project.Name}' created",
            $"{ChangeSummary.Snapshot(project, Json.Project, nameof(Project.DeploymentProcess))}; deployment process: {StepNames(project.DeploymentProcess)}");
        return project;
    });

    public Result<Project> Update(string idOrName, Func<Project, Result<Project>> change, Actor who) => store.Write<Result<Project>>(s =>
    {
        var edit = Edit.Apply(Find(s, idOrName), change, p => p.Id);
        if (!edit.IsSuccess)
        {
            return edit.Problem;
        }

        var (current, changed) = edit.Value;
        var validated = Validate(s, changed, current);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var project = validated.Value;
        s.Projects.Update(project);
        var details = ChangeSummary.Describe(current with { DeploymentProcess = new() }, project with { DeploymentProcess = new() }, Json.Project);
        if (!ProcessRules.Same(current.DeploymentProcess, project.DeploymentProcess))
        {
            details = (details == "no fields changed" ? "" : details + "; ") +
                $"deployment process: steps {StepNames(current.DeploymentProcess)} → {StepNames(project.DeploymentProcess)}";
        }

        audit.Record(s, who, "Modified", DocumentType, project.Id, $"Project '{project.Name}' modified", details);
        return project;
    });

    public Result<Project> Delete(string idOrName, Actor who) => store.Write<Result<Project>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var project = found.Value;
        var runbooks = s.Runbooks.All().Where(r => r.ProjectId == project.Id).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var runbook in runbooks)
        {
            s.Runbooks.Delete(runbook.Id);
            audit.Record(s, who, "Deleted", RunbookService.DocumentType, runbook.Id,
                $"Runbook '{runbook.Name}' deleted with project '{project.Name}'", ChangeSummary.Snapshot(runbook, Json.Runbook, "Process"));
        }

        var variableSet = s.VariableSets.Get(VariableSet.IdFor(project.Id));
        if (variableSet is not null)
        {
            s.VariableSets.Delete(variableSet.Id);
            audit.Record(s, who, "Deleted", VariableService.DocumentType, variableSet.Id,
                $"Variables of project '{project.Name}' deleted with it", VariableService.NamesOnly(variableSet.Variables));
        }

        var releases = s.Releases.All().Where(r => r.ProjectId == project.Id).ToList();
        foreach (var release in releases)
        {
            s.Releases.Delete(release.Id);
            audit.Record(s, who, "Deleted", ReleaseService.DocumentType, release.Id, $"Release {release.Version} deleted with project '{project.Name}'", $"Version: {release.Version}");
        }

        s.Projects.Delete(project.Id);
        var details = ChangeSummary.Snapshot(project, Json.Project, nameof(Project.DeploymentProcess))
            + $"; releases deleted: {releases.Count}; runbooks deleted: {runbooks.Count}; variables deleted: {variableSet?.Variables.Count ?? 0}";
        audit.Record(s, who, "Deleted", DocumentType, project.Id, $"Project '{project.Name}' deleted", details);
        return project;
    });

    internal static Result<Project> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Projects.All(), idOrName, p => p.Id, p => p.Name) is { } project ? project : Problem.NotFound("project", idOrName);

    private static List<Project> Ordered(StoreSession s) =>
        s.Projects.All().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static Result<Project> Validate(StoreSession s, Project project, Project? current)
    {
        var all = s.Projects.All();
        var self = current?.Id;
        var name = Names.Validate(project.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (all.FirstOrDefault(p => p.Id != self && Names.Same(p.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"A project named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        if (project.Description.Length > 4000)
        {
            return Problem.Invalid("Description", "Description must be at most 4000 characters.");
        }

        var process = ProcessRules.Validate(s, project.DeploymentProcess ?? new(), current?.DeploymentProcess, nameof(Project.DeploymentProcess));
        return process.IsSuccess ? project with { Name = name.Value, DeploymentProcess = process.Value } : process.Problem;
    }

    /// <summary>The steps of a process for audit details: "'Build', 'Deploy'", or "(none)".</summary>
    internal static string StepNames(DeploymentProcess process) =>
        process.Steps.Count == 0 ? "(none)" : string.Join(", ", process.Steps.Select(step => $"'{step.Name}'"));
}
