using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>How numbers appear in the report. MB and GB are binary (2^20 and 2^30 bytes), as RSS is counted in KiB.</summary>
internal static class Format
{
    /// <summary>Wall times to a tenth of a millisecond, the precision the harness's own timing supports.</summary>
    public static string Milliseconds(double ms) => Invariant($"{ms:0.0} ms");

    public static string Megabytes(double kb) => Invariant($"{kb / 1024:0.0} MB");

    public static string Gigabytes(double kb) => Invariant($"{kb / (1024 * 1024):0.0} GB");

    public static string Bytes(long bytes) => Invariant($"{bytes / (1024.0 * 1024):0.00} MB ({bytes:N0} bytes)");

    public static string Ratio(double value, double baseline) => Invariant($"{value / baseline:0.0}×");

    /// <summary>A ratio that may well be below 1 (rates against a faster baseline), to two places.</summary>
    public static string FineRatio(double value, double baseline) => Invariant($"{value / baseline:0.00}×");

    /// <summary>Bytes over milliseconds as MB/s.</summary>
    public static string Throughput(long bytes, double ms) => Invariant($"{bytes / (1024.0 * 1024) / (ms / 1000):0} MB/s");

    /// <summary>"123 tasks/s".</summary>
    public static string Rate(double perSecond, string what) => Invariant($"{perSecond:0} {what}/s");

    public static string Seconds(double ms) => Invariant($"{ms / 1000:0.00} s");

    public static string Count(long count) => Invariant($"{count:N0}");

    /// <summary>"12345 kB" (as /proc writes it) to 12345.</summary>
    public static long ParseKb(string text) =>
        long.Parse(text.Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Makes text safe inside a markdown table cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
