using System.Diagnostics;

namespace OctoLite.Benchmarks;

/// <summary>
/// Throughput: with the task cap at <see cref="TaskScenarioSettings.ThroughputTaskCap"/>, queue
/// <see cref="TaskScenarioSettings.ThroughputTasks"/> runs of a one-step <c>true</c> runbook as fast as
/// <see cref="TaskScenarioSettings.ThroughputQueueConcurrency"/> concurrent requests can, then wait for each; timed from
/// just before the first queue request until the last task is seen finished. Baseline: as many <c>bash -c true</c>
/// spawned from .NET and waited for, the task cap's number at a time.
/// </summary>
internal sealed class ThroughputScenario(string binary, string bash, TextWriter progress)
{
    private const string Runbook = "One";

    public async Task<ThroughputResults> RunAsync(CancellationToken cancellationToken)
    {
        const int tasks = TaskScenarioSettings.ThroughputTasks;
        const int cap = TaskScenarioSettings.ThroughputTaskCap;
        await using var server = await TaskServer.StartAsync(binary, progress, cancellationToken);
        await server.Api.SetTaskCapAsync(cap, cancellationToken);
        await server.CreateRunbookAsync(Runbook, TaskScenarioSettings.TrivialScript, cancellationToken);
        await RunAllAsync(server, TaskScenarioSettings.ThroughputWarmUpTasks, cancellationToken);
        SpawnAll(TaskScenarioSettings.ThroughputWarmUpTasks, cap, cancellationToken);

        var baseline = new List<double>();
        var throughput = new List<double>();
        for (var run = 1; run <= TaskScenarioSettings.ThroughputRuns; run++)
        {
            baseline.Add(tasks / SpawnAll(tasks, cap, cancellationToken).TotalSeconds);
            throughput.Add(tasks / (await RunAllAsync(server, tasks, cancellationToken)).TotalSeconds);
            progress.WriteLine($"  throughput {run}/{TaskScenarioSettings.ThroughputRuns}: {Format.Rate(throughput[^1], "tasks")} at cap {cap}; " +
                               $"bash -c true {Format.Rate(baseline[^1], "spawns")}, {cap} at a time");
        }

        return new ThroughputResults(TaskScenarioSettings.ThroughputRuns, tasks, cap, Median.Of(throughput), Median.Of(baseline));
    }

    /// <summary>Queues <paramref name="count"/> runs concurrently, then waits for every one to succeed; returns the time all of it took.</summary>
    private static async Task<TimeSpan> RunAllAsync(TaskServer server, int count, CancellationToken cancellationToken)
    {
        var ids = new string[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = TaskScenarioSettings.ThroughputQueueConcurrency, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, count, options, async (i, token) => ids[i] = await server.QueueAsync(Runbook, token));

        // In queue order: by the time the last waits are asked, nearly every task has finished, so they answer at once.
        foreach (var id in ids)
        {
            await server.WaitForSuccessAsync(id, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Runs <paramref name="count"/> <c>bash -c true</c>, <paramref name="parallel"/> at a time on threads of their own; returns the time all took.</summary>
    private TimeSpan SpawnAll(int count, int parallel, CancellationToken cancellationToken)
    {
        var next = -1;
        var failure = (Exception?)null;
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, parallel).Select(_ => new Thread(() =>
        {
            try
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    WallClock.Measure(bash, BashTrue.Arguments, cancellationToken);
                }
            }
            catch (Exception e) when (e is MeasurementException or OperationCanceledException)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        var wall = Stopwatch.GetElapsedTime(started);
        return failure is null ? wall : throw failure;
    }
}
