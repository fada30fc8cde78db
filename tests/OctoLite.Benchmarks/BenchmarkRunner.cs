namespace OctoLite.Benchmarks;

/// <summary>Takes every measure <see cref="BenchmarkOptions.Runs"/> times and returns the medians; progress goes to stderr.</summary>
/// <remarks>
/// Wall times come from runs of their own, timed by the harness (<see cref="WallClock"/>); peak RSS from other runs
/// of the same commands under GNU time, whose own fork/exec would otherwise be in the wall time.
/// </remarks>
internal sealed class BenchmarkRunner(BenchmarkOptions options, TextWriter progress)
{
    /// <summary>Unmeasured runs of each command first, so the binaries are in the page cache and the harness's own code is warm.</summary>
    public const int WarmUps = 2;

    /// <summary>The baseline is <c>bash -c true</c>: a process that starts and does nothing.</summary>
    private static readonly string[] BaselineArguments = ["-c", "true"];

    private static readonly string[] VersionArguments = ["--version"];

    public async Task<BenchmarkResults> RunAsync(CancellationToken cancellationToken)
    {
        GnuTime.EnsureAvailable();
        var binary = CheckedBinary(options.BinaryPath);
        var bash = BashPath();
        var machine = await MachineInfo.ReadAsync(cancellationToken);
        var versionText = await VersionTextAsync(binary, cancellationToken);
        progress.WriteLine($"Measuring {binary} ({versionText}) on {machine.Describe()}, {options.Runs} run(s) of each measure after {WarmUps} warm-up(s).");

        for (var warmUp = 1; warmUp <= WarmUps; warmUp++)
        {
            WallClock.Measure(bash, BaselineArguments, cancellationToken);
            WallClock.Measure(binary, VersionArguments, cancellationToken);
            await GnuTime.MeasureAsync(bash, BaselineArguments, cancellationToken);
            await GnuTime.MeasureAsync(binary, VersionArguments, cancellationToken);
        }

        // Baseline and --version alternate, so drift in the machine's load affects both alike.
        var baselineWall = new List<double>();
        var versionWall = new List<double>();
        var baselineRss = new List<double>();
        var versionRss = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            baselineWall.Add(WallClock.Measure(bash, BaselineArguments, cancellationToken).TotalMilliseconds);
            versionWall.Add(WallClock.Measure(binary, VersionArguments, cancellationToken).TotalMilliseconds);
            baselineRss.Add((await GnuTime.MeasureAsync(bash, BaselineArguments, cancellationToken)).MaxRssKb);
            versionRss.Add((await GnuTime.MeasureAsync(binary, VersionArguments, cancellationToken)).MaxRssKb);
            progress.WriteLine($"  cold start {run}/{options.Runs}: bash -c true {Describe(baselineWall[^1], baselineRss[^1])}; " +
                               $"--version {Describe(versionWall[^1], versionRss[^1])}");
        }

        var idleServer = new IdleServerRun(binary, progress);
        var warmUpReady = await idleServer.StartToReadyAsync(cancellationToken);
        progress.WriteLine($"  server warm-up: ready in {Format.Milliseconds(warmUpReady.TotalMilliseconds)} (not counted)");
        var readyMs = new List<double>();
        var servers = new List<IdleServerSample>();
        for (var run = 1; run <= options.Runs; run++)
        {
            readyMs.Add((await idleServer.StartToReadyAsync(cancellationToken)).TotalMilliseconds);
            var sample = await idleServer.MemoryAsync(cancellationToken);
            servers.Add(sample);
            progress.WriteLine($"  server {run}/{options.Runs}: ready in {Format.Milliseconds(readyMs[^1])}; idle " +
                               $"VmRSS {Format.Megabytes(sample.SteadyRssKb)}, max RSS {Format.Megabytes(sample.MaxRssKb)}");
        }

        return new BenchmarkResults(
            options.BinaryPath,
            versionText,
            DateTimeOffset.UtcNow,
            machine,
            options.Runs,
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

    /// <summary>The binary's full path, so neither the harness nor GNU time searches PATH for it.</summary>
    private static string CheckedBinary(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new MeasurementException($"The binary '{path}' does not exist ({fullPath}). Publish it first, or pass its path with --binary.");
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(fullPath) & anyExecute) != 0
            ? fullPath
            : throw new MeasurementException($"The binary '{path}' is not executable.");
    }

    /// <summary>bash's full path, found once, so no run of the baseline pays for a PATH search that the binary's runs do not.</summary>
    private static string BashPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "bash"))
            .FirstOrDefault(File.Exists)
        ?? throw new MeasurementException("bash is not on PATH; the baseline is `bash -c true`.");

    /// <summary>Runs <c>--version</c> once unmeasured: checks the binary works and names what is measured.</summary>
    private static async Task<string> VersionTextAsync(string binary, CancellationToken cancellationToken)
    {
        using var process = RunningProcess.Start(binary, ["--version"]);
        var exitCode = await process.WaitForExitAsync(Timeouts.Command, cancellationToken);
        var firstLine = process.StandardOutput.Split('\n')[0].Trim();
        return exitCode == 0 && firstLine.Length > 0
            ? firstLine
            : throw new MeasurementException($"`{process.CommandLine}` exited {exitCode} without printing a version. Its last output:\n{process.Output}");
    }

    private static string Describe(double wallMs, double rssKb) => $"{Format.Milliseconds(wallMs)}, {Format.Megabytes(rssKb)}";
}
