namespace OctoLite.Benchmarks;

/// <summary>What OctoLite aims for; a miss is reported, not failed.</summary>
internal static class Goals
{
    /// <summary>The published single binary: at most 30 MB.</summary>
    public const long BinaryBytes = 30L * 1024 * 1024;

    /// <summary><c>octolite --version</c> from a cold process: at most 30 ms wall time.</summary>
    public const double ColdStartMs = 30;

    /// <summary>An idle server with an empty data dir: at most 60 MB resident.</summary>
    public const double IdleServerRssKb = 60 * 1024;

    /// <summary>A one-line bash step, queued through the API until Success: p50 at most this many times the bare spawn's p50 …</summary>
    public const double StepLatencyFactor = 1.5;

    /// <summary>… plus this many milliseconds.</summary>
    public const double StepLatencyAllowanceMs = 3;

    /// <summary>A one-line bash step on a tentacle on loopback (listening or polling), queued until Success: p50 at most the bare spawn's p50 plus this many milliseconds.</summary>
    public const double TentacleDispatchAllowanceMs = 10;

    /// <summary>A step's output reaches the task log at least half as fast as <c>cat</c> writes it to a file: at most twice cat's time.</summary>
    public const double IngestTimeRatio = 2;

    /// <summary>Trivial tasks with a task cap of <see cref="TaskScenarioSettings.ThroughputTaskCap"/>: at least this many finished per second.</summary>
    public const double TasksPerSecond = 100;

    /// <summary>The latency goal for a given baseline p50.</summary>
    public static double StepLatencyMs(double baselineP50Ms) => StepLatencyFactor * baselineP50Ms + StepLatencyAllowanceMs;

    /// <summary>The tentacle dispatch goal for a given baseline p50.</summary>
    public static double TentacleDispatchMs(double baselineP50Ms) => baselineP50Ms + TentacleDispatchAllowanceMs;

    public static string Verdict(bool met) => met ? "PASS" : "MISS";
}
