using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// Runbooks: names are unique within their project only, so a runbook is found by its (global) id,
/// or by its name together with its project.
/// </summary>
internal sealed class RunbookService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "Runbook";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    /// <param name="project">Only this project's runbooks (id or name); null for all.</param>
    public Result<IReadOnlyList<Runbook>> List(string? project) => store.Read<Result<IReadOnlyList<Runbook>>>(s =>
    {
        string? projectId = null;
        if (project is not null)
        {
            var found = ProjectService.Find(s, project);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            projectId = found.Value.Id;
        }

        var projectNames = s.Projects.All().ToDictionary(p => p.Id, p => p.Name);
        return s.Runbooks.All()
            .Where(r => projectId is null || r.ProjectId == projectId)
            .OrderBy(r => projectNames.GetValueOrDefault(r.ProjectId, r.ProjectId), StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    });

    public Result<Runbook> Find(string idOrName, string? project) => store.Read(s => Find(s, idOrName, project));

    public Result<Runbook> Create(Runbook input, Actor who) => store.Write<Result<Runbook>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        if (input.ProjectId.Trim().Length == 0)
        {
            return Problem.Invalid("ProjectId", "ProjectId is required: the id or name of the project the runbook belongs to.");
        }

        var project = ProjectService.Find(s, input.ProjectId);
        if (!project.IsSuccess)
        {
            return project.Problem with { Field = "ProjectId" };
        }

        var validated = Validate(s, input with { ProjectId = project.Value.Id }, current: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var runbook = validated.Value with { Id = s.NextId("Runbooks") };
        s.Runbooks.Insert(runbook);
        audit.Record(s, who, "Created", DocumentType, runbook.Id, $"Runbook '{runbook.Name}' created in project '{project.Value.Name}'",
            $"{ChangeSummary.Snapshot(runbook, Json.Runbook, "Process")}; steps: {StepNames(runbook)}");
        return runbook;
    });

    public Result<Runbook> Update(string idOrName, string? project, Func<Runbook, Result<Runbook>> change, Actor who) => store.Write<Result<Runbook>>(s =>
    {
        var edit = Edit.Apply(Find(s, idOrName, project), change, r => r.Id);
        if (!edit.IsSuccess)
        {
            return edit.Problem;
        }

        var (current, changed) = edit.Value;
        if (changed.ProjectId != current.ProjectId)
        {
            var target = ProjectService.Find(s, changed.ProjectId);
            if (!target.IsSuccess || target.Value.Id != current.ProjectId)
            {
                return Problem.Invalid("ProjectId", $"A runbook cannot move to another project (it belongs to {current.ProjectId}).");
            }

            changed = changed with { ProjectId = current.ProjectId };
        }

        var validated = Validate(s, changed, current);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var runbook = validated.Value;
        s.Runbooks.Update(runbook);
        var details = ChangeSummary.Describe(current with { Process = new() }, runbook with { Process = new() }, Json.Runbook);
        if (!ProcessRules.Same(current.Process, runbook.Process))
        {
            details = (details == "no fields changed" ? "" : details + "; ") + $"process: steps {StepNames(current)} → {StepNames(runbook)}";
        }

        audit.Record(s, who, "Modified", DocumentType, runbook.Id, $"Runbook '{runbook.Name}' modified", details);
        return runbook;
    });

    public Result<Runbook> Delete(string idOrName, string? project, Actor who) => store.Write<Result<Runbook>>(s =>
    {
        var found = Find(s, idOrName, project);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var runbook = found.Value;
        s.Runbooks.Delete(runbook.Id);
        audit.Record(s, who, "Deleted", DocumentType, runbook.Id, $"Runbook '{runbook.Name}' deleted",
            $"{ChangeSummary.Snapshot(runbook, Json.Runbook, "Process")}; steps: {StepNames(runbook)}");
        return runbook;
    });

    internal static Result<Runbook> Find(StoreSession s, string idOrName, string? project)
    {
        var all = s.Runbooks.All();
        var trimmed = idOrName.Trim();
        string? projectId = null;
        if (project is not null)
        {
            var owner = ProjectService.Find(s, project);
            if (!owner.IsSuccess)
            {
                return owner.Problem with { Field = "project" };
            }

            projectId = owner.Value.Id;
        }

        if (all.FirstOrDefault(r => string.Equals(r.Id, trimmed, StringComparison.OrdinalIgnoreCase)) is { } byId)
        {
            return projectId is null || byId.ProjectId == projectId ? byId : Problem.NotFound("runbook", idOrName);
        }

        if (projectId is null)
        {
            var named = all.Where(r => Names.Same(r.Name, trimmed)).ToList();
            return named.Count switch
            {
                0 => Problem.NotFound("runbook", idOrName),
                _ => Problem.Invalid("project", $"Runbook names are unique within a project only: give the project to find runbook '{trimmed}' by name, or use its id."),
            };
        }

        return all.FirstOrDefault(r => r.ProjectId == projectId && Names.Same(r.Name, trimmed)) is { } runbook
            ? runbook
            : Problem.NotFound("runbook", idOrName);
    }

    private static Result<Runbook> Validate(StoreSession s, Runbook runbook, Runbook? current)
    {
        var name = Names.Validate(runbook.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (s.Runbooks.All().FirstOrDefault(r => r.Id != current?.Id && r.ProjectId == runbook.ProjectId && Names.Same(r.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"The project already has a runbook named '{clash.Name}' ({clash.Id}).", "Name");
        }

        if (runbook.Description.Length > 4000)
        {
            return Problem.Invalid("Description", "Description must be at most 4000 characters.");
        }

        var process = ProcessRules.Validate(s, runbook.Process, current?.Process, "Process");
        return process.IsSuccess ? runbook with { Name = name.Value, Process = process.Value } : process.Problem;
    }

    private static string StepNames(Runbook runbook) =>
        runbook.Process.Steps.Count == 0 ? "(none)" : string.Join(", ", runbook.Process.Steps.Select(step => $"'{step.Name}'"));
}
