using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>
/// The ingest scenario's output: <c>seq</c> printing numbered lines of exactly <see cref="LineBytes"/> bytes,
/// "octolite-bench 000000001 abc…", so the log read back can be checked line by line. The same command is the
/// step's script and, piped to <c>cat &gt; file</c>, the baseline.
/// </summary>
internal static class IngestGenerator
{
    public const string Prefix = "octolite-bench ";

    /// <summary>Pads each line to 79 characters; no '%' (seq's format) and nothing a shell or the masker would touch.</summary>
    public const string Filler = " abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQR";

    private const int Digits = 9;

    /// <summary>A line with its newline.</summary>
    public const int LineBytes = 15 + Digits + 55 + 1;

    /// <summary>The script printing <paramref name="lines"/> lines.</summary>
    public static string Script(int lines) =>
        string.Create(CultureInfo.InvariantCulture, $"seq -f '{Prefix}%0{Digits}.0f{Filler}' 1 {lines}");

    /// <summary>The baseline: the same output written to <paramref name="file"/> by cat.</summary>
    public static string BaselineScript(int lines, string file) => $"{Script(lines)} | cat > '{file}'";

    /// <summary>Whether a log line is one of the generator's at all.</summary>
    public static bool IsGenerated(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> is exactly the generator's line number <paramref name="number"/>.</summary>
    public static bool IsLine(string text, long number) =>
        text.Length == LineBytes - 1
        && IsGenerated(text)
        && long.TryParse(text.AsSpan(Prefix.Length, Digits), NumberStyles.None, CultureInfo.InvariantCulture, out var found)
        && found == number
        && text.AsSpan(Prefix.Length + Digits).SequenceEqual(Filler);
}
