using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>The part of a GNU <c>time -v</c> report the benchmarks use. Its wall time (m:ss.cc, 10 ms steps) is not used: the harness times runs itself, see <see cref="WallClock"/>.</summary>
/// <param name="MaxRssKb">Peak resident set size in KiB.</param>
internal sealed record TimeReport(long MaxRssKb)
{
    private const string MaxRssLabel = "Maximum resident set size (kbytes)";

    public static TimeReport Read(string reportFile) => Parse(File.ReadAllText(reportFile));

    public static TimeReport Parse(string report) => new(ParseKb(Value(report, MaxRssLabel), report));

    /// <summary>The text after the last ": " of the first line starting with the label.</summary>
    private static string Value(string report, string label)
    {
        foreach (var line in report.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(label, StringComparison.Ordinal))
            {
                return trimmed[(trimmed.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];
            }
        }

        throw Unreadable($"no '{label}' line", report);
    }

    private static long ParseKb(string value, string report) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb
            : throw Unreadable($"maximum RSS '{value}' is not a number", report);

    private static MeasurementException Unreadable(string problem, string report) =>
        new($"Cannot read the report of {GnuTime.ExecutablePath} ({problem}); is it GNU time? The report was:\n{report}");
}
