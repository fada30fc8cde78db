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
        var table = new Table("#", "ID", "NAME", "KIND", "SYNTAX", "TIMEOUT", "SCRIPT");
        foreach (var (step, index) in runbook.Process.Steps.Select((s, i) => (s, i + 1)))
        {
            table.Add(index.ToString(CultureInfo.InvariantCulture), step.Id, step.Name, step.Kind.ToString(), step.Syntax.ToString(),
                step.Timeout is { } timeout ? Display.Duration(timeout) : "", FirstLine(step.Script));
        }

        table.WriteTo(writer);
    }

    private static string FirstLine(string script)
    {
        var lines = script.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = lines.FirstOrDefault() ?? "";
        var shown = first.Length > 60 ? string.Concat(first.AsSpan(0, 59), "…") : first;
        return lines.Length switch
        {
            1 or 0 => shown,
            2 => $"{shown} (+1 line)",
            _ => $"{shown} (+{lines.Length - 1} lines)",
        };
    }
}
