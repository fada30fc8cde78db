namespace OctoLite.Benchmarks;

/// <summary>One way a step reaches its worker in the dispatch scenario: percentiles of queue-to-Success, and where the server's clock puts the time.</summary>
/// <param name="ServerQueuedP50Ms">Median of queued → started, by the server's own clock.</param>
/// <param name="ServerExecutingP50Ms">Median of started → finished, by the server's own clock: placement, the calls to the worker, the script.</param>
internal sealed record DispatchPathResults(double P50Ms, double P90Ms, double ServerQueuedP50Ms, double ServerExecutingP50Ms);
