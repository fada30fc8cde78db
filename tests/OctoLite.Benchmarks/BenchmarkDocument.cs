using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The markdown report. Everything above the history marker is regenerated on every run; everything
/// below it is kept, with one dated row added to the history table so results accumulate.
/// </summary>
internal static class BenchmarkDocument
{
    public const string HistoryMarker = "<!-- history -->";

    /// <param name="existing">The report as it was, or null if there was none. A report without the marker is kept whole below it.</param>
    public static string Render(BenchmarkResults results, IReadOnlyList<ResultRow> rows, string? existing)
    {
        List<string> lines =
        [
            "# Benchmarks",
            "",
            .. Method(results),
            "",
            .. ResultTable.Render(rows),
            "",
            HistoryMarker,
        ];
        return string.Join('\n', lines) + HistoryTable.Append(BelowMarker(existing), results);
    }

    /// <summary>Whether a report exists but has no marker, so its whole text will be kept below the new one.</summary>
    public static bool LacksMarker(string? existing) => existing is { Length: > 0 } && MarkerIndex(existing) < 0;

    private static IEnumerable<string> Method(BenchmarkResults r)
    {
        var date = r.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        yield return $"Measured on {r.Machine.Describe()}, Linux {r.Machine.Kernel}, {date}; binary `{r.Binary}` ({r.VersionText}). " +
                     $"Every figure is the median of {r.Runs} runs, taken after {r.WarmUps} unmeasured warm-up runs of each command " +
                     "(so the binaries are in the page cache); baseline and `--version` runs alternate, so drift in the machine's load affects both alike. " +
                     "Wall time is timed by the harness itself with a monotonic Stopwatch (`Stopwatch.GetTimestamp`, nanosecond ticks) " +
                     "from just before `Process.Start` until `WaitForExit` sees the process exit, on runs of the command alone, not under GNU time; " +
                     "it includes the harness's spawn (fork/exec) and reaping of the process, as the baseline does, but not GNU time's own. " +
                     "Maximum resident set size comes from separate runs of the same commands under GNU `time -v` (`/usr/bin/time`). " +
                     "The baseline is `bash -c true`, measured in the same session, and ratios are the subject's median over the baseline's. " +
                     "Server start to ready is timed the same way, on a server spawned alone, from just before spawning " +
                     "`octolite server run --data-dir <fresh dir> --listen 127.0.0.1:0` until `octolite server info` first exits 0 " +
                     $"(retried {Timeouts.Poll.TotalMilliseconds:0} ms after each failed call, so it includes one such call and is only as fine as that polling; " +
                     "one unmeasured server start comes first). " +
                     $"The idle server's memory comes from separate runs under GNU time: the server idles {Timeouts.Idle.TotalSeconds:0} s; " +
                     "its steady VmRSS is read from /proc just before SIGTERM, its max RSS from GNU time after it exits. MB = 2^20 bytes. " +
                     "Regenerate with `dotnet run -c Release --project tests/OctoLite.Benchmarks -- --binary <binary> --out <this file>`.";
    }

    private static string BelowMarker(string? existing)
    {
        if (existing is null)
        {
            return "";
        }

        var marker = MarkerIndex(existing);
        return marker < 0 ? existing : existing[(marker + HistoryMarker.Length)..];
    }

    /// <summary>Where the marker stands on a line of its own, or -1.</summary>
    private static int MarkerIndex(string text)
    {
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim() == HistoryMarker)
            {
                return offset + line.IndexOf(HistoryMarker, StringComparison.Ordinal);
            }

            offset += line.Length + 1;
        }

        return -1;
    }
}
