namespace OctoLite.Benchmarks;

/// <summary>
/// One-line bash step latency: a runbook of one step <c>true</c> on the built-in worker, run sequentially, each run
/// timed from just before the queue request until <c>/wait</c> answers with the finished task (the endpoint answers
/// on completion, so there is no polling delay). Baseline: <c>bash -c true</c> spawned from .NET and waited for,
/// alternating with the runs so drift in the machine's load affects both alike.
/// </summary>
internal sealed class LatencyScenario(string binary, string bash, TextWriter progress)
{
    private const string Runbook = "One";

    public async Task<LatencyResults> RunAsync(CancellationToken cancellationToken)
    {
        const int runs = TaskScenarioSettings.LatencyRuns;
        await using var server = await TaskServer.StartAsync(binary, progress, cancellationToken);
        await server.CreateRunbookAsync(Runbook, TaskScenarioSettings.TrivialScript, cancellationToken);

        for (var warmUp = 0; warmUp < TaskScenarioSettings.LatencyWarmUps; warmUp++)
        {
            WallClock.Measure(bash, BashTrue.Arguments, cancellationToken);
            await server.RunTimedAsync(Runbook, cancellationToken);
        }

        var baseline = new List<double>();
        var latency = new List<double>();
        var tasks = new List<FinishedTask>();
        for (var run = 1; run <= runs; run++)
        {
            baseline.Add(WallClock.Measure(bash, BashTrue.Arguments, cancellationToken).TotalMilliseconds);
            var (task, wall) = await server.RunTimedAsync(Runbook, cancellationToken);
            latency.Add(wall.TotalMilliseconds);
            tasks.Add(task);
            if (run % 10 == 0)
            {
                progress.WriteLine($"  one-step task {run}/{runs}: p50 so far {Format.Milliseconds(Median.Of(latency))} " +
                                   $"(bash -c true {Format.Milliseconds(Median.Of(baseline))})");
            }
        }

        return new LatencyResults(
            runs,
            TaskScenarioSettings.LatencyWarmUps,
            Percentile.Of(latency, 0.5),
            Percentile.Of(latency, 0.9),
            Percentile.Of(baseline, 0.5),
            Percentile.Of(baseline, 0.9),
            Median.Of(tasks.Select(t => t.Queued.TotalMilliseconds)),
            Median.Of(tasks.Select(t => t.Executing.TotalMilliseconds)));
    }
}
