using System.Globalization;

namespace OctoLite.Tests.Server.Leases;

/// <summary>
/// When scripts ran, as they themselves wrote it: a script made by <see cref="Script"/> appends a start and an end
/// line (nanosecond clock, task, machine, step) to one file, so ordering is proven from inside the scripts.
/// </summary>
internal sealed class Timeline(string path)
{
    public string Path { get; } = path;

    /// <summary>A bash script that records its run around <paramref name="body"/> (default: a sleep).</summary>
    public string Script(double seconds = 0.5, string body = "") => $$"""
        echo "start|$(date +%s%N)|#{Octopus.Task.Id}|#{Octopus.Machine.Name}|#{Octopus.Step.Name}" >> '{{Path}}'
        {{(body.Length > 0 ? body : $"sleep {seconds.ToString(CultureInfo.InvariantCulture)}")}}
        echo "end|$(date +%s%N)|#{Octopus.Task.Id}|#{Octopus.Machine.Name}|#{Octopus.Step.Name}" >> '{{Path}}'
        """;

    public List<Run> Runs()
    {
        var lines = File.ReadAllLines(Path).Select(l => l.Split('|')).ToList();
        return lines.Where(l => l[0] == "start").Select(start =>
        {
            var end = lines.Single(l => l[0] == "end" && l[2] == start[2] && l[3] == start[3] && l[4] == start[4]);
            return new Run(start[2], start[3], start[4], long.Parse(start[1], CultureInfo.InvariantCulture), long.Parse(end[1], CultureInfo.InvariantCulture));
        }).OrderBy(r => r.Start).ToList();
    }

    /// <summary>Pairs of runs that were running at the same moment.</summary>
    public static List<(Run, Run)> Overlaps(IReadOnlyList<Run> runs) =>
        runs.SelectMany((a, i) => runs.Skip(i + 1).Where(b => a.Start < b.End && b.Start < a.End).Select(b => (a, b))).ToList();

    internal sealed record Run(string Task, string Machine, string Step, long Start, long End)
    {
        public override string ToString() => $"{Task} {Step} on {Machine} {Start}-{End}";
    }
}
