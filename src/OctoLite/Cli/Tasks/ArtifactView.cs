using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>How a task's artifacts look in a table.</summary>
internal static class ArtifactView
{
    public static void List(TextWriter writer, IReadOnlyList<Artifact> artifacts, TimeProvider time)
    {
        var table = new Table("ID", "NAME", "SIZE", "STEP", "CREATED");
        foreach (var artifact in artifacts)
        {
            table.Add(artifact.Id, artifact.Filename, Display.Bytes(artifact.Length), artifact.StepName, Display.Time(artifact.Created, time));
        }

        table.WriteTo(writer);
    }

    /// <summary>An artifact by id, else by file name (exact case first), as the server finds one.</summary>
    public static Artifact? Find(IReadOnlyList<Artifact> artifacts, string idOrName)
    {
        var wanted = idOrName.Trim();
        return artifacts.FirstOrDefault(a => a.Id == wanted)
            ?? artifacts.FirstOrDefault(a => string.Equals(a.Filename, wanted, StringComparison.Ordinal))
            ?? artifacts.FirstOrDefault(a => string.Equals(a.Filename, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
