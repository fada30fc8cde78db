namespace OctoLite.Benchmarks;

/// <summary>The start-up measures, each <see cref="BenchmarkOptions.Runs"/> times; returns the medians.</summary>
/// <remarks>
/// Wall times come from runs of their own, timed by the harness (<see cref="WallClock"/>); peak RSS from other runs
/// of the same commands under GNU time, whose own fork/exec would otherwise be in the wall time.
/// </remarks>
internal sealed class StartupScenario(string binary, string bash, int runs, TextWriter progress)
{
    /// <summary>Unmeasured runs of each command first, so the binaries are in the page cache and the harness's own code is warm.</summary>
    public const int WarmUps = 2;

    private static readonly string[] VersionArguments = ["--version"];

    public async Task<StartupResults> RunAsync(CancellationToken cancellationToken)
    {
        GnuTime.EnsureAvailable();
        for (var warmUp = 1; warmUp <= WarmUps; warmUp++)
        {
            WallClock.Measure(bash, BashTrue.Arguments, cancellationToken);
            WallClock.Measure(binary, VersionArguments, cancellationToken);
            await GnuTime.MeasureAsync(bash, BashTrue.Arguments, cancellationToken);
            await GnuTime.MeasureAsync(binary, VersionArguments, cancellationToken);
        }

        // Baseline and --version alternate, so drift in the machine's load affects both alike.
        var baselineWall = new List<double>();
        var versionWall = new List<double>();
        var baselineRss = new List<double>();
        var versionRss = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            baselineWall.Add(WallClock.Measure(bash, BashTrue.Arguments, cancellationToken).TotalMilliseconds);
            versionWall.Add(WallClock.Measure(binary, VersionArguments, cancellationToken).TotalMilliseconds);
            baselineRss.Add((await GnuTime.MeasureAsync(bash, BashTrue.Arguments, cancellationToken)).MaxRssKb);
            versionRss.Add((await GnuTime.MeasureAsync(binary, VersionArguments, cancellationToken)).MaxRssKb);
            progress.WriteLine($"  cold start {run}/{runs}: bash -c true {Describe(baselineWall[^1], baselineRss[^1])}; " +
                               $"--version {Describe(versionWall[^1], versionRss[^1])}");
        }

        var idleServer = new IdleServerRun(binary, progress);
        var warmUpReady = await idleServer.StartToReadyAsync(cancellationToken);
        progress.WriteLine($"  server warm-up: ready in {Format.Milliseconds(warmUpReady.TotalMilliseconds)} (not counted)");
        var readyMs = new List<double>();
        var servers = new List<IdleServerSample>();
        for (var run = 1; run <= runs; run++)
        {
            readyMs.Add((await idleServer.StartToReadyAsync(cancellationToken)).TotalMilliseconds);
            var sample = await idleServer.MemoryAsync(cancellationToken);
            servers.Add(sample);
            progress.WriteLine($"  server {run}/{runs}: ready in {Format.Milliseconds(readyMs[^1])}; idle " +
                               $"VmRSS {Format.Megabytes(sample.SteadyRssKb)}, max RSS {Format.Megabytes(sample.MaxRssKb)}");
        }

        return new StartupResults(
            runs,
            WarmUps,
            new FileInfo(binary).Length,
            Median.Of(baselineWall),
            Median.Of(baselineRss),
            Median.Of(versionWall),
            Median.Of(versionRss),
            Median.Of(readyMs),
            Median.Of(servers.Select(s => (double)s.SteadyRssKb)),
            Median.Of(servers.Select(s => (double)s.MaxRssKb)));
    }

    private static string Describe(double wallMs, double rssKb) => $"{Format.Milliseconds(wallMs)}, {Format.Megabytes(rssKb)}";
}
