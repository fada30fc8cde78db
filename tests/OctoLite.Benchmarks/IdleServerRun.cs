namespace OctoLite.Benchmarks;

/// <summary>
/// The server's two start-up measures, each on a fresh data dir and in runs of its own:
/// <see cref="StartToReadyAsync"/> spawns <c>server run</c> directly and times it until <c>server info</c> answers;
/// <see cref="MemoryAsync"/> runs it under GNU time, lets it idle, reads its VmRSS, SIGTERMs it and reads its peak RSS.
/// </summary>
internal sealed class IdleServerRun(string binary, TextWriter progress)
{
    private readonly ServerReadiness _readiness = new(binary);

    /// <summary>From just before the spawn until the first <c>server info</c> that exits 0; not under GNU time.</summary>
    public async Task<TimeSpan> StartToReadyAsync(CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var dataDirectory = scratch.CreateDataDirectory();
        using var server = RunningProcess.Start(binary, ServerCommand.Arguments(dataDirectory));
        var startToReady = await _readiness.WaitAsync(server, dataDirectory, cancellationToken);
        await ServerCommand.StopAsync(server, server.Id, progress, cancellationToken);
        return startToReady;
    }

    public async Task<IdleServerSample> MemoryAsync(CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var dataDirectory = scratch.CreateDataDirectory();
        var reportFile = scratch.PathOf("time.txt");
        using var time = GnuTime.Start(reportFile, binary, ServerCommand.Arguments(dataDirectory));
        await _readiness.WaitAsync(time, dataDirectory, cancellationToken);

        await Task.Delay(Timeouts.Idle, cancellationToken);
        var server = ServerProcessOf(time);
        var steadyRssKb = ProcFs.VmRssKb(server)
            ?? throw new MeasurementException($"The server exited while idle. Its last output:\n{time.Output}");

        await ServerCommand.StopAsync(time, server, progress, cancellationToken);
        return new IdleServerSample(steadyRssKb, TimeReport.Read(reportFile).MaxRssKb);
    }

    /// <summary>The server is GNU time's only child.</summary>
    private static int ServerProcessOf(RunningProcess time)
    {
        var children = ProcFs.Children(time.Id);
        return children.Count == 1
            ? children[0]
            : throw new MeasurementException(
                $"Expected the server to be the only child of {GnuTime.ExecutablePath} (pid {time.Id}), found {children.Count}. Its last output:\n{time.Output}");
    }
}
