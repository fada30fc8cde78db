namespace OctoLite.Benchmarks;

/// <summary>The one-step latency scenario: percentiles of queue-to-Success and of the bare spawn measured beside it.</summary>
/// <param name="ServerQueuedP50Ms">Median of queued → started, by the server's own clock.</param>
/// <param name="ServerExecutingP50Ms">Median of started → finished, by the server's own clock.</param>
internal sealed record LatencyResults(
    int Runs,
    int WarmUps,
    double P50Ms,
    double P90Ms,
    double BaselineP50Ms,
    double BaselineP90Ms,
    double ServerQueuedP50Ms,
    double ServerExecutingP50Ms);
