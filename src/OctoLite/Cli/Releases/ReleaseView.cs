using OctoLite.Cli.Output;
using OctoLite.Cli.Runbooks;
using OctoLite.Domain;

namespace OctoLite.Cli.Releases;

/// <summary>How releases look in tables.</summary>
internal static class ReleaseView
{
    public static string Path(string release, string? project) =>
        $"api/releases/{Client.OctoLiteClient.Segment(release)}" + (project is null ? "" : $"?project={Uri.EscapeDataString(project.Trim())}");

    public static void List(TextWriter writer, IReadOnlyList<Release> releases)
    {
        var table = new Table("ID", "PROJECT", "VERSION", "CREATED", "STEPS", "NOTES");
        foreach (var release in releases)
        {
            table.Add(release.Id, release.ProjectId, release.Version, release.Assembled.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                release.Process.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), release.ReleaseNotes);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, Release release)
    {
        Table.WriteFields(writer,
        [
            ("Id", release.Id),
            ("Project", release.ProjectId),
            ("Version", release.Version),
            ("Created", release.Assembled.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Notes", release.ReleaseNotes),
            ("Variables", release.Variables.Count == 0 ? "(none)" : string.Join(", ", release.Variables.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase))),
        ]);
        if (release.Process.Steps.Count > 0)
        {
            writer.WriteLine();
            ProcessView.Steps(writer, release.Process);
        }
    }
}
