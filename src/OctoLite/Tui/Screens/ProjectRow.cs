using OctoLite.Domain;

namespace OctoLite.Tui.Screens;

/// <summary>A row of the projects screen: a runbook of a project, or a project with no runbooks (Runbook null).</summary>
internal sealed record ProjectRow(Project Project, Runbook? Runbook)
{
    public string Key => Runbook?.Id ?? Project.Id;

    public static IReadOnlyList<ProjectRow> Join(IReadOnlyList<Project> projects, IReadOnlyList<Runbook> runbooks) =>
        projects.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(p =>
            {
                var own = runbooks.Where(r => r.ProjectId == p.Id).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
                return own.Count == 0 ? [new ProjectRow(p, null)] : own.Select(r => new ProjectRow(p, r));
            })
            .ToList();
}
