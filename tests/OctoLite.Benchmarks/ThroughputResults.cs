namespace OctoLite.Benchmarks;

/// <summary>The throughput scenario: medians over its runs of trivial tasks finished per second and of bare spawns per second.</summary>
/// <param name="Tasks">Tasks queued at once in each run.</param>
/// <param name="TaskCap">The server's task cap, and the baseline's parallelism.</param>
internal sealed record ThroughputResults(int Runs, int Tasks, int TaskCap, double TasksPerSecond, double BaselineSpawnsPerSecond);
