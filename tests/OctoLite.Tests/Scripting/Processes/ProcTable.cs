using System.Globalization;

namespace OctoLite.Tests.Scripting.Processes;

/// <summary>The test's own reading of /proc, independent of the code under test.</summary>
internal static class ProcTable
{
    public sealed record Entry(int Pid, char State, int Pgid, int Sid, int TtyNr);

    public static Entry? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new Entry(
                pid, fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture),
                int.Parse(fields[4], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Processes of group <paramref name="pgid"/> that are running (zombies are dead: an init that does not reap leaves them).</summary>
    public static IReadOnlyList<Entry> RunningInGroup(int pgid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? Read(pid) : null)
            .OfType<Entry>()
            .Where(e => e.Pgid == pgid && e.State is not ('Z' or 'X'))
            .ToList();

    public static bool IsRunning(int pid) => Read(pid) is { State: not ('Z' or 'X') };

    public static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
            await Task.Delay(20, cancellationToken);
    }
}
