using OctoLite.Scripting.RunAs;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// The files a script asked to keep (<c>##octopus[createArtifact path='…' name='…']</c>), turned into
/// <see cref="StepArtifact"/>s once the script has ended.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A relative path is taken relative to the step's working folder; an absolute one as it is.</item>
/// <item>Only a path naming a regular file when the script has ended (symbolic links followed) becomes an
/// artifact, with its length then; any other gets a warning naming it (<see cref="RegularFile"/>).</item>
/// <item>When the step runs as another account, the file must also be one that account can read: it is opened with
/// the account's rights (<see cref="AccountFileAccess"/>), so a script cannot have the server keep a file only the
/// server may read (<c>new_octopusartifact /etc/shadow</c>); any other gets a warning saying so.</item>
/// <item>Each request is an artifact, as in Octopus: one file asked for under two names is kept twice. Only a
/// request repeating an earlier one exactly (same file, same name) is dropped, e.g. from a retried loop.</item>
/// <item>Names are not overwritten: when a name is taken (ignoring case), the second artifact becomes
/// <c>name-2.ext</c>, the third <c>name-3.ext</c>, as the server names clashing artifacts within a task. So the
/// names of one step's artifacts are unique, and a script that collects <c>log.txt</c> from several folders
/// loses none of them.</item>
/// </list>
/// Not thread-safe: the output filter adds requests one line at a time.
/// </remarks>
/// <param name="workingFolder">The step's working folder, an absolute path.</param>
/// <param name="runAs">The account the step runs as, when it is not the server's.</param>
internal sealed class ArtifactRequests(string workingFolder, RunAsAccount? runAs = null)
{
    private readonly List<(string Path, string Name)> requests = [];
    private readonly HashSet<(string Path, string Name)> seen = [];
    private readonly List<string> invalid = [];

    /// <summary>Remembers a request; <paramref name="name"/> is already defaulted to the file name.</summary>
    public void Add(string path, string name)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path, workingFolder);
        }
        catch (ArgumentException)
        {
            invalid.Add(path);
            return;
        }

        if (seen.Add((fullPath, name)))
            requests.Add((fullPath, name));
    }

    /// <summary>The artifacts to collect, in the order asked for; <paramref name="warn"/> hears about each path that is not a file.</summary>
    public IReadOnlyList<StepArtifact> Resolve(Action<string> warn)
    {
        foreach (var path in invalid)
            warn($"Artifact '{path}' was not collected: that is not a valid path.");

        var artifacts = new List<StepArtifact>(requests.Count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, name) in requests)
        {
            long length;
            if (runAs is not null)
            {
                using var file = AccountFileAccess.OpenForReading(path, runAs);
                if (!file.IsReadable)
                {
                    warn($"Artifact '{name}' was not collected: {path} is not a file that {runAs.Name}, the account the step runs as, can read ({file.Refusal}).");
                    continue;
                }

                length = file.Length;
            }
            else if (RegularFile.Length(path) is { } found)
            {
                length = found;
            }
            else
            {
                warn($"Artifact '{name}' was not collected: {path} is not a file (it does not exist, or is a folder or a special file).");
                continue;
            }

            artifacts.Add(new StepArtifact(path, Unique(name, taken), length));
        }
        return artifacts;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        if (taken.Add(name))
            return name;

        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}{extension}";
            if (taken.Add(candidate))
                return candidate;
        }
    }
}
