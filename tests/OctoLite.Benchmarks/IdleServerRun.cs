namespace OctoLite.Benchmarks;

/// <summary>
/// The server's two measures, each on a fresh data dir and in runs of its own:
/// <see cref="StartToReadyAsync"/> spawns <c>server run</c> directly and times it until <c>server info</c> answers;
/// <see cref="MemoryAsync"/> runs it under GNU time, lets it idle, reads its VmRSS, SIGTERMs it and reads its peak RSS.
/// </summary>
internal sealed class IdleServerRun(string binary, TextWriter progress)
{
    private readonly ServerReadiness _readiness = new(binary);

    /// <summary>From just before the spawn until the first <c>server info</c> that exits 0; not under GNU time.</summary>
    public Task<TimeSpan> StartToReadyAsync(CancellationToken cancellationToken) =>
        InScratchAsync(async (dataDirectory, _) =>
        {
            using var server = RunningProcess.Start(binary, ServerArguments(dataDirectory));
            var startToReady = await _readiness.WaitAsync(server, dataDirectory, cancellationToken);
            await StopAsync(server, server.Id, cancellationToken);
            return startToReady;
        });

    public Task<IdleServerSample> MemoryAsync(CancellationToken cancellationToken) =>
        InScratchAsync(async (dataDirectory, reportFile) =>
        {
            using var time = GnuTime.Start(reportFile, binary, ServerArguments(dataDirectory));
            await _readiness.WaitAsync(time, dataDirectory, cancellationToken);

            await Task.Delay(Timeouts.Idle, cancellationToken);
            var server = ServerProcessOf(time);
            var steadyRssKb = ProcFs.VmRssKb(server)
                ?? throw new MeasurementException($"The server exited while idle. Its last output:\n{time.Output}");

            await StopAsync(time, server, cancellationToken);
            return new IdleServerSample(steadyRssKb, TimeReport.Read(reportFile).MaxRssKb);
        });

    private static string[] ServerArguments(string dataDirectory) =>
        ["server", "run", "--data-dir", dataDirectory, "--listen", "127.0.0.1:0"];

    /// <summary>SIGTERMs the server and waits for <paramref name="process"/> (the server, or GNU time around it) to exit.</summary>
    private async Task StopAsync(RunningProcess process, int server, CancellationToken cancellationToken)
    {
        PosixSignals.Terminate(server);
        var exitCode = await process.WaitForExitAsync(Timeouts.Shutdown, cancellationToken);
        if (exitCode != 0)
        {
            // Still a valid measurement; but a server should stop cleanly on SIGTERM.
            progress.WriteLine($"warning: the server exited {exitCode} after SIGTERM. Its last output:\n{process.Output}");
        }
    }

    /// <summary>Runs <paramref name="measure"/> with a fresh, private data dir and a path for GNU time's report, then removes both.</summary>
    private static async Task<T> InScratchAsync<T>(Func<string, string, Task<T>> measure)
    {
        var scratch = Directory.CreateTempSubdirectory("octolite-bench-");
        try
        {
            var dataDirectory = Directory.CreateDirectory(Path.Combine(scratch.FullName, "data"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
            return await measure(dataDirectory, Path.Combine(scratch.FullName, "time.txt"));
        }
        finally
        {
            DeleteQuietly(scratch);
        }
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

    private static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp dir left behind is not worth failing a measurement over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
