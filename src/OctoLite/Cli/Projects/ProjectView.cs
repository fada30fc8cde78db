using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Projects;

/// <summary>How projects look in tables.</summary>
internal static class ProjectView
{
    public static void List(TextWriter writer, IReadOnlyList<Project> projects)
    {
        var table = new Table("ID", "NAME", "DESCRIPTION");
        foreach (var project in projects)
        {
            table.Add(project.Id, project.Name, project.Description);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, Project project) => One(writer, project, null);

    public static void One(TextWriter writer, Project project, IReadOnlyList<Runbook>? runbooks)
    {
        var fields = new List<(string, string?)>
        {
            ("Id", project.Id),
            ("Name", project.Name),
            ("Description", project.Description),
        };
        if (runbooks is not null)
        {
            fields.Add(("Runbooks", runbooks.Count == 0 ? "(none)" : string.Join(", ", runbooks.Select(r => $"{r.Name} ({r.Id})"))));
        }

        Table.WriteFields(writer, fields);
    }
}
