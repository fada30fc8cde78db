namespace OctoLite.Benchmarks;

/// <summary>
/// The dated history of results below the report's history marker. Each run appends one row to the
/// table there (creating it the first time); anything else written below the marker is kept as is.
/// </summary>
internal static class HistoryTable
{
    private const string HeaderStart = "| date |";

    private static readonly string[] Header =
    [
        "| date | version | machine | kernel | runs | binary | `--version` wall | `--version` RSS | start to ready | idle max RSS | idle VmRSS | baseline wall / RSS |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ];

    /// <summary>The text below the marker with a row for <paramref name="results"/> appended to its history table.</summary>
    public static string Append(string below, BenchmarkResults results)
    {
        var lines = below.TrimEnd('\n').Split('\n').ToList();
        var header = lines.FindIndex(line => line.StartsWith(HeaderStart, StringComparison.Ordinal));
        if (header < 0)
        {
            if (lines.Any(line => line.Length > 0))
            {
                lines.Add("");
            }

            lines.AddRange(["## History", "", .. Header]);
            lines.Add(Row(results));
        }
        else
        {
            var end = header;
            while (end + 1 < lines.Count && lines[end + 1].StartsWith('|'))
            {
                end++;
            }

            lines.Insert(end + 1, Row(results));
        }

        return string.Join('\n', lines.SkipWhile(line => line.Length == 0).Prepend("")) + "\n";
    }

    private static string Row(BenchmarkResults r)
    {
        string[] cells =
        [
            r.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            r.VersionText,
            r.Machine.Describe(),
            r.Machine.Kernel,
            r.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Format.Megabytes(r.BinaryBytes / 1024.0),
            Format.Milliseconds(r.VersionWallMs),
            Format.Megabytes(r.VersionRssKb),
            Format.Milliseconds(r.ServerReadyMs),
            Format.Megabytes(r.ServerMaxRssKb),
            Format.Megabytes(r.ServerSteadyRssKb),
            $"{Format.Milliseconds(r.BaselineWallMs)} / {Format.Megabytes(r.BaselineRssKb)}",
        ];
        return $"| {string.Join(" | ", cells.Select(Format.Cell))} |";
    }
}
