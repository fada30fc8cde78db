namespace OctoLite.Benchmarks;

/// <summary>Checks the binary, then runs the chosen scenarios in turn and gathers their results; progress goes to stderr.</summary>
internal sealed class BenchmarkRunner(BenchmarkOptions options, TextWriter progress)
{
    public async Task<BenchmarkResults> RunAsync(CancellationToken cancellationToken)
    {
        var binary = CheckedBinary(options.BinaryPath);
        var bash = BashTrue.Path();
        var machine = await MachineInfo.ReadAsync(cancellationToken);
        var versionText = await VersionTextAsync(binary, cancellationToken);
        var loadBefore = LoadAverage.OneMinute();
        progress.WriteLine($"Measuring {binary} ({versionText}) on {machine.Describe()}, load average {loadBefore:0.00}: {options.Scenarios}.");

        StartupResults? startup = null;
        if (options.Scenarios.HasFlag(Scenarios.Startup))
        {
            progress.WriteLine($"Start-up: {options.Runs} run(s) of each measure after {StartupScenario.WarmUps} warm-up(s).");
            startup = await new StartupScenario(binary, bash, options.Runs, progress).RunAsync(cancellationToken);
        }

        LatencyResults? latency = null;
        if (options.Scenarios.HasFlag(Scenarios.Latency))
        {
            progress.WriteLine($"One-step task latency: {TaskScenarioSettings.LatencyRuns} sequential runs after {TaskScenarioSettings.LatencyWarmUps} warm-up(s).");
            latency = await new LatencyScenario(binary, bash, progress).RunAsync(cancellationToken);
        }

        IngestResults? ingest = null;
        if (options.Scenarios.HasFlag(Scenarios.Ingest))
        {
            progress.WriteLine($"Output ingest: {TaskScenarioSettings.IngestRuns} run(s) of {Format.Count(TaskScenarioSettings.IngestLines)} lines.");
            ingest = await new IngestScenario(binary, bash, progress).RunAsync(cancellationToken);
        }

        ThroughputResults? throughput = null;
        if (options.Scenarios.HasFlag(Scenarios.Throughput))
        {
            progress.WriteLine($"Throughput: {TaskScenarioSettings.ThroughputRuns} run(s) of {TaskScenarioSettings.ThroughputTasks} tasks at cap {TaskScenarioSettings.ThroughputTaskCap}.");
            throughput = await new ThroughputScenario(binary, bash, progress).RunAsync(cancellationToken);
        }

        DispatchResults? dispatch = null;
        if (options.Scenarios.HasFlag(Scenarios.Dispatch))
        {
            progress.WriteLine($"Tentacle dispatch: {TaskScenarioSettings.LatencyRuns} rounds of spawn, built-in, listening and polling runs after {TaskScenarioSettings.LatencyWarmUps} warm-up round(s).");
            dispatch = await new DispatchScenario(binary, bash, progress).RunAsync(cancellationToken);
        }

        var loadAfter = LoadAverage.OneMinute();
        progress.WriteLine($"Done; load average {loadAfter:0.00}.");
        return new BenchmarkResults(options.BinaryPath, versionText, DateTimeOffset.UtcNow, machine, loadBefore, loadAfter, startup, latency, ingest, throughput, dispatch);
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
}
