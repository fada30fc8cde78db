namespace OctoLite.Benchmarks;

/// <summary>How the harness starts and stops a server: <c>server run</c> on a fresh data dir, stopped by SIGTERM.</summary>
internal static class ServerCommand
{
    /// <summary>
    /// Listens on a free loopback port (the harness itself talks to the data dir's Unix socket; the dispatch scenario's
    /// tentacles register through this port) and opens the polling endpoint on a free port; the dispatch scenario reads
    /// both from the server status.
    /// </summary>
    public static string[] Arguments(string dataDirectory) =>
        ["server", "run", "--data-dir", dataDirectory, "--listen", "127.0.0.1:0", "--polling-port", "0"];

    /// <summary>The socket every server opens in its data dir; it needs no API key.</summary>
    public static string SocketPath(string dataDirectory) => Path.Combine(dataDirectory, "octolite.sock");

    /// <summary>SIGTERMs the server and waits for <paramref name="process"/> (the server, or GNU time around it) to exit.</summary>
    public static async Task StopAsync(RunningProcess process, int server, TextWriter progress, CancellationToken cancellationToken)
    {
        if (process.HasExited)
        {
            progress.WriteLine($"warning: the server had already exited. Its last output:\n{process.Output}");
            return;
        }

        PosixSignals.Terminate(server);
        var exitCode = await process.WaitForExitAsync(Timeouts.Shutdown, cancellationToken);
        if (exitCode != 0)
        {
            // Still a valid measurement; but a server should stop cleanly on SIGTERM.
            progress.WriteLine($"warning: the server exited {exitCode} after SIGTERM. Its last output:\n{process.Output}");
        }
    }
}
