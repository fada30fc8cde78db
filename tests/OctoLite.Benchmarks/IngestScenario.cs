using System.Diagnostics;

namespace OctoLite.Benchmarks;

/// <summary>
/// Output ingest: a step printing 100 MB of numbered lines (<see cref="IngestGenerator"/>), timed from just before
/// the queue request until <c>/wait</c> answers with Success; then the whole log is read back and checked
/// (<see cref="IngestCheck"/>). Each run has a fresh server (so no run finds an earlier run's 100 MB in the store),
/// warmed by one trivial task. Baseline: the same generator piped through <c>cat &gt; file</c> in a bash spawned
/// from .NET, run before each measured run.
/// </summary>
internal sealed class IngestScenario(string binary, string bash, TextWriter progress)
{
    private const string Runbook = "Ingest";
    private const string WarmUpRunbook = "One";

    public async Task<IngestResults> RunAsync(CancellationToken cancellationToken)
    {
        const int lines = TaskScenarioSettings.IngestLines;
        const long bytes = (long)lines * IngestGenerator.LineBytes;
        BaselineOnce(lines, bytes, cancellationToken); // unmeasured: seq and cat into the page cache

        var baseline = new List<double>();
        var ingest = new List<double>();
        var checks = new List<IngestCheck>();
        for (var run = 1; run <= TaskScenarioSettings.IngestRuns; run++)
        {
            baseline.Add(BaselineOnce(lines, bytes, cancellationToken).TotalMilliseconds);

            await using var server = await TaskServer.StartAsync(binary, progress, cancellationToken);
            await server.CreateRunbookAsync(WarmUpRunbook, TaskScenarioSettings.TrivialScript, cancellationToken);
            await server.CreateRunbookAsync(Runbook, IngestGenerator.Script(lines), cancellationToken);
            await server.WaitForSuccessAsync(await server.QueueAsync(WarmUpRunbook, cancellationToken), cancellationToken);

            var started = Stopwatch.GetTimestamp();
            var task = await server.WaitForSuccessAsync(await server.QueueAsync(Runbook, cancellationToken), cancellationToken);
            ingest.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var check = await IngestCheck.RunAsync(server.Api, task, lines, cancellationToken);
            checks.Add(check);
            progress.WriteLine($"  ingest {run}/{TaskScenarioSettings.IngestRuns}: {Format.Milliseconds(ingest[^1])} ({Format.Throughput(bytes, ingest[^1])}); " +
                               $"cat {Format.Milliseconds(baseline[^1])} ({Format.Throughput(bytes, baseline[^1])}); " +
                               $"check {(check.Passed ? "passed" : "FAILED: " + check.Problem)}, read back in {Format.Milliseconds(check.ReadBack.TotalMilliseconds)}");
        }

        return new IngestResults(
            TaskScenarioSettings.IngestRuns,
            bytes,
            lines,
            Median.Of(ingest),
            Median.Of(baseline),
            Median.Of(checks.Select(check => check.ReadBack.TotalMilliseconds)),
            checks);
    }

    /// <summary>The generator through <c>cat &gt; file</c>; the file must hold every byte, or the baseline measured nothing.</summary>
    private TimeSpan BaselineOnce(int lines, long bytes, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.PathOf("out.txt");
        var wall = WallClock.Measure(bash, ["-c", IngestGenerator.BaselineScript(lines, file)], cancellationToken);
        var written = new FileInfo(file).Length;
        return written == bytes
            ? wall
            : throw new MeasurementException($"The baseline wrote {written:N0} bytes, not {bytes:N0}; is `seq` GNU seq?");
    }
}
