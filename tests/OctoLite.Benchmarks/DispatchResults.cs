namespace OctoLite.Benchmarks;

/// <summary>The dispatch scenario: the same one-step runbook on the built-in worker and on two loopback tentacles, beside the bare spawn.</summary>
/// <param name="Runs">Measured rounds; each round takes one sample of every path and of the baseline.</param>
internal sealed record DispatchResults(
    int Runs,
    int WarmUps,
    double BaselineP50Ms,
    double BaselineP90Ms,
    DispatchPathResults BuiltIn,
    DispatchPathResults Listening,
    DispatchPathResults Polling);
