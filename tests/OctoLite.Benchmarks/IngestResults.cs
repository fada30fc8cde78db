namespace OctoLite.Benchmarks;

/// <summary>The output-ingest scenario: medians of queue-to-Success for the flooding step and of the cat baseline, and every run's check.</summary>
/// <param name="Bytes">Bytes the step printed.</param>
/// <param name="Lines">Lines the step printed.</param>
/// <param name="ReadBackMs">Median time to read the whole log back through the API (the check's reads).</param>
internal sealed record IngestResults(
    int Runs,
    long Bytes,
    long Lines,
    double MedianMs,
    double BaselineMedianMs,
    double ReadBackMs,
    IReadOnlyList<IngestCheck> Checks)
{
    public bool AllPassed => Checks.All(check => check.Passed);
}
