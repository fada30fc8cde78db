namespace OctoLite.Benchmarks;

internal static class Percentile
{
    /// <summary>
    /// The <paramref name="fraction"/> percentile (0.5 is the median, 0.9 the p90), interpolating linearly between
    /// the two nearest ranks as spreadsheets' PERCENTILE.INC does.
    /// </summary>
    public static double Of(IEnumerable<double> values, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The percentile of nothing is undefined.", nameof(values));
        }

        var rank = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
