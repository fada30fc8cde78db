using System.Diagnostics;

namespace OctoLite.Benchmarks;

/// <summary>
/// Polls <c>octolite server info --data-dir DIR</c> until it exits 0. Exit 5 (no server answers) means
/// not yet; any other failure is remembered for the message if the server never becomes ready.
/// </summary>
internal sealed class ServerReadiness(string binary)
{
    private const int Unreachable = 5;

    /// <summary>Returns the time from just before <paramref name="server"/> was spawned until the first successful poll ended.</summary>
    public async Task<TimeSpan> WaitAsync(RunningProcess server, string dataDirectory, CancellationToken cancellationToken)
    {
        var lastAnswer = "none yet";
        while (Stopwatch.GetElapsedTime(server.StartTimestamp) < Timeouts.Ready)
        {
            if (server.HasExited)
            {
                throw new MeasurementException($"`{server.CommandLine}` exited before it was ready. Its last output:\n{server.Output}");
            }

            using var info = RunningProcess.Start(binary, ["server", "info", "--data-dir", dataDirectory]);
            var (exitCode, _) = info.WaitForExitTimed(Timeouts.Command, cancellationToken);
            if (exitCode == 0)
            {
                return Stopwatch.GetElapsedTime(server.StartTimestamp);
            }

            lastAnswer = exitCode == Unreachable ? "exit 5, not reachable" : $"exit {exitCode}: {info.Output}";
            await Task.Delay(Timeouts.Poll, cancellationToken);
        }

        throw new MeasurementException(
            $"The server was not ready within {Timeouts.Ready.TotalSeconds:0} s (last `server info`: {lastAnswer}). " +
            $"`{server.CommandLine}` said:\n{server.Output}");
    }
}
