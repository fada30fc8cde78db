using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The dated history of results below the report's history marker: one table for the start-up measures, one for the
/// task engine's and one for tentacle dispatch, each found by its exact header line. Each run appends one row to the
/// table of every group it measured (creating the table the first time); anything else below the marker is kept as is.
/// </summary>
internal static class HistoryTable
{
    private const string None = ResultRow.None;

    private static readonly string[] StartupHeader =
    [
        "| date | version | machine | kernel | runs | binary | `--version` wall | `--version` RSS | start to ready | idle max RSS | idle VmRSS | baseline wall / RSS |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ];

    private static readonly string[] TaskHeader =
    [
        "| date | version | machine | kernel | one-line step p50 / p90 | `bash -c true` p50 / p90 | 100 MB output ingest | through `cat` | lines checked | trivial tasks/s, cap 10 | `bash -c true`/s, 10 at a time |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ];

    private static readonly string[] DispatchHeader =
    [
        "| date | version | machine | kernel | one-line step p50 / p90: built-in | listening tentacle | polling tentacle | `bash -c true` p50 / p90 |",
        "|---|---|---|---|---|---|---|---|",
    ];

    /// <summary>The text below the marker with a row for <paramref name="results"/> appended to each history table it has figures for.</summary>
    public static string Append(string below, BenchmarkResults results)
    {
        var lines = below.TrimEnd('\n').Split('\n').ToList();
        if (results.Startup is { } startup)
        {
            AppendRow(lines, "## History", StartupHeader, StartupRow(results, startup));
        }

        if (results.HasTaskEngineResults)
        {
            AppendRow(lines, "## Task engine history", TaskHeader, TaskRow(results));
        }

        if (results.Dispatch is { } dispatch)
        {
            AppendRow(lines, "## Tentacle dispatch history", DispatchHeader, DispatchRow(results, dispatch));
        }

        return string.Join('\n', lines.SkipWhile(line => line.Length == 0).Prepend("")) + "\n";
    }

    private static void AppendRow(List<string> lines, string title, string[] header, string row)
    {
        var start = lines.IndexOf(header[0]);
        if (start < 0)
        {
            if (lines.Any(line => line.Length > 0))
            {
                lines.Add("");
            }

            lines.AddRange([title, "", .. header, row]);
            return;
        }

        var end = start;
        while (end + 1 < lines.Count && lines[end + 1].StartsWith('|'))
        {
            end++;
        }

        lines.Insert(end + 1, row);
    }

    private static string StartupRow(BenchmarkResults r, StartupResults s) => Row(
    [
        .. Common(r),
        s.Runs.ToString(CultureInfo.InvariantCulture),
        Format.Megabytes(s.BinaryBytes / 1024.0),
        Format.Milliseconds(s.VersionWallMs),
        Format.Megabytes(s.VersionRssKb),
        Format.Milliseconds(s.ServerReadyMs),
        Format.Megabytes(s.ServerMaxRssKb),
        Format.Megabytes(s.ServerSteadyRssKb),
        $"{Format.Milliseconds(s.BaselineWallMs)} / {Format.Megabytes(s.BaselineRssKb)}",
    ]);

    private static string TaskRow(BenchmarkResults r) => Row(
    [
        .. Common(r),
        r.Latency is { } l ? $"{Format.Milliseconds(l.P50Ms)} / {Format.Milliseconds(l.P90Ms)}" : None,
        r.Latency is { } b ? $"{Format.Milliseconds(b.BaselineP50Ms)} / {Format.Milliseconds(b.BaselineP90Ms)}" : None,
        r.Ingest is { } i ? $"{Format.Seconds(i.MedianMs)} ({Format.Throughput(i.Bytes, i.MedianMs)})" : None,
        r.Ingest is { } c ? $"{Format.Seconds(c.BaselineMedianMs)} ({Format.Throughput(c.Bytes, c.BaselineMedianMs)})" : None,
        r.Ingest is { } v ? $"{v.Checks.Count(check => check.Passed)} of {v.Checks.Count} runs complete" : None,
        r.Throughput is { } t ? Format.Rate(t.TasksPerSecond, "tasks") : None,
        r.Throughput is { } s ? Format.Rate(s.BaselineSpawnsPerSecond, "spawns") : None,
    ]);

    private static string DispatchRow(BenchmarkResults r, DispatchResults d) => Row(
    [
        .. Common(r),
        Percentiles(d.BuiltIn.P50Ms, d.BuiltIn.P90Ms),
        Percentiles(d.Listening.P50Ms, d.Listening.P90Ms),
        Percentiles(d.Polling.P50Ms, d.Polling.P90Ms),
        Percentiles(d.BaselineP50Ms, d.BaselineP90Ms),
    ]);

    private static string Percentiles(double p50Ms, double p90Ms) => $"{Format.Milliseconds(p50Ms)} / {Format.Milliseconds(p90Ms)}";

    private static IEnumerable<string> Common(BenchmarkResults r) =>
    [
        r.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        r.VersionText,
        r.Machine.Describe(),
        r.Machine.Kernel,
    ];

    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Select(Format.Cell))} |";
}
