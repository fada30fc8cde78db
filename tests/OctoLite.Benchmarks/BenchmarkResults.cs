namespace OctoLite.Benchmarks;

/// <summary>Everything one harness run measured, with where and when; a scenario not run is null.</summary>
/// <param name="Binary">The binary as given on the command line.</param>
/// <param name="VersionText">What the binary printed for <c>--version</c>.</param>
/// <param name="LoadBefore">The machine's 1-minute load average when the run began.</param>
/// <param name="LoadAfter">The same when it ended.</param>
internal sealed record BenchmarkResults(
    string Binary,
    string VersionText,
    DateTimeOffset Date,
    MachineInfo Machine,
    double LoadBefore,
    double LoadAfter,
    StartupResults? Startup,
    LatencyResults? Latency,
    IngestResults? Ingest,
    ThroughputResults? Throughput,
    DispatchResults? Dispatch)
{
    public bool HasTaskResults => HasTaskEngineResults || Dispatch is not null;

    /// <summary>Whether any figure of the task engine's history table was measured (dispatch has a history table of its own).</summary>
    public bool HasTaskEngineResults => Latency is not null || Ingest is not null || Throughput is not null;
}
