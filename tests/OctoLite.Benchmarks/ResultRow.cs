namespace OctoLite.Benchmarks;

/// <summary>One row of the results table, already formatted.</summary>
internal sealed record ResultRow(string Measure, string Median, string Baseline, string Ratio, string Goal, string Result)
{
    public const string None = "—";

    public static readonly ResultRow Header = new("measure", "median", "baseline", "ratio", "goal", "result");

    public IReadOnlyList<string> Cells => [Measure, Median, Baseline, Ratio, Goal, Result];
}
