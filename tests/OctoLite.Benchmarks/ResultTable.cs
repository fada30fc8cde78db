namespace OctoLite.Benchmarks;

/// <summary>The results table: one row per measure, against the baseline and the goals.</summary>
internal static class ResultTable
{
    private const string None = ResultRow.None;

    public static IReadOnlyList<ResultRow> Rows(BenchmarkResults r) =>
    [
        new("binary size", Format.Bytes(r.BinaryBytes), None, None,
            $"≤ {Format.Megabytes(Goals.BinaryBytes / 1024.0)}", Goals.Verdict(r.BinaryBytes <= Goals.BinaryBytes)),
        new("`--version` cold start, wall", Format.Milliseconds(r.VersionWallMs), Format.Milliseconds(r.BaselineWallMs),
            Format.Ratio(r.VersionWallMs, r.BaselineWallMs),
            $"≤ {Format.Milliseconds(Goals.ColdStartMs)}", Goals.Verdict(r.VersionWallMs <= Goals.ColdStartMs)),
        new("`--version` cold start, max RSS", Format.Megabytes(r.VersionRssKb), Format.Megabytes(r.BaselineRssKb),
            Format.Ratio(r.VersionRssKb, r.BaselineRssKb), None, None),
        new("server start to ready", Format.Milliseconds(r.ServerReadyMs), None, None, None, None),
        IdleRssRow("idle server, max RSS", r.ServerMaxRssKb, r.BaselineRssKb),
        IdleRssRow("idle server, steady VmRSS", r.ServerSteadyRssKb, r.BaselineRssKb),
    ];

    /// <summary>A markdown table, padded so it also reads well as plain text.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<ResultRow> rows)
    {
        var all = rows.Prepend(ResultRow.Header).Select(row => row.Cells.Select(Format.Cell).ToArray()).ToArray();
        var widths = Enumerable.Range(0, all[0].Length).Select(column => all.Max(cells => cells[column].Length)).ToArray();
        var lines = all.Select(cells => Line(cells.Select((cell, column) => cell.PadRight(widths[column])))).ToList();
        lines.Insert(1, Line(widths.Select(width => new string('-', width))));
        return lines;
    }

    private static ResultRow IdleRssRow(string measure, double kb, double baselineKb) =>
        new(measure, Format.Megabytes(kb), Format.Megabytes(baselineKb), Format.Ratio(kb, baselineKb),
            $"≤ {Format.Megabytes(Goals.IdleServerRssKb)}", Goals.Verdict(kb <= Goals.IdleServerRssKb));

    private static string Line(IEnumerable<string> cells) => $"| {string.Join(" | ", cells)} |";
}
