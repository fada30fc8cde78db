namespace OctoLite.Benchmarks;

/// <summary>The sizes of the task engine's scenarios, chosen so that all four take well under three minutes.</summary>
internal static class TaskScenarioSettings
{
    /// <summary>Sequential one-step runs measured for the latency percentiles, each beside a baseline spawn; also the dispatch scenario's rounds.</summary>
    public const int LatencyRuns = 50;

    /// <summary>Unmeasured runs (task and baseline) first, so the server's pages, pools and connections are warm.</summary>
    public const int LatencyWarmUps = 5;

    /// <summary>The one-line step of the latency, throughput and dispatch scenarios.</summary>
    public const string TrivialScript = "true";

    /// <summary>Measured runs of the 100 MB ingest, each on a fresh server beside a baseline; the median is reported.</summary>
    public const int IngestRuns = 5;

    /// <summary>Lines the ingest step prints; <see cref="IngestGenerator.LineBytes"/> each, so 100,000,000 bytes.</summary>
    public const int IngestLines = 1_250_000;

    /// <summary>Lines asked for per page when the ingested log is read back (the API's maximum).</summary>
    public const int LogPageSize = 10_000;

    /// <summary>Tasks queued at once in one throughput run.</summary>
    public const int ThroughputTasks = 500;

    /// <summary>The task cap the throughput scenario sets, and the parallelism of its baseline.</summary>
    public const int ThroughputTaskCap = 10;

    /// <summary>Concurrent queue requests in a throughput run.</summary>
    public const int ThroughputQueueConcurrency = 10;

    /// <summary>Measured throughput runs, alternating with the baseline; the median is reported.</summary>
    public const int ThroughputRuns = 5;

    /// <summary>Unmeasured trivial tasks run before the throughput runs, at the same cap.</summary>
    public const int ThroughputWarmUpTasks = 50;
}
