using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Runbooks;

/// <summary>How runbooks and their steps look in tables.</summary>
internal static class RunbookView
{
    public static void List(TextWriter writer, IReadOnlyList<Runbook> runbooks, IReadOnlyDictionary<string, string> projectNames)
    {
        var table = new Table("ID", "PROJECT", "NAME", "STEPS", "DESCRIPTION");
        foreach (var runbook in runbooks)
        {
            table.Add(runbook.Id, projectNames.GetValueOrDefault(runbook.ProjectId, runbook.ProjectId), runbook.Name,
                runbook.Process.Steps.Count.ToString(CultureInfo.InvariantCulture), runbook.Description);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, Runbook runbook)
    {
        Table.WriteFields(writer,
        [
            ("Id", runbook.Id),
            ("Name", runbook.Name),
            ("Project", runbook.ProjectId),
            ("Description", runbook.Description),
            ("Steps", runbook.Process.Steps.Count == 0 ? "(none: running it does nothing)" : runbook.Process.Steps.Count.ToString(CultureInfo.InvariantCulture)),
        ]);
        if (runbook.Process.Steps.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        ProcessView.Steps(writer, runbook.Process);
    }
}
