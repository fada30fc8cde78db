namespace OctoLite.Benchmarks;

/// <summary>
/// Times a command run directly (not under GNU time): a monotonic <see cref="System.Diagnostics.Stopwatch"/>
/// from just before <see cref="System.Diagnostics.Process.Start()"/> until the blocking wait sees it exit.
/// The clock ticks in nanoseconds on Linux, so the reading is good to well under 0.1 ms; what it adds to the
/// command's own time is the harness's spawn (fork/exec) and the reaping of the exit, the same for every command.
/// </summary>
internal static class WallClock
{
    /// <summary>Runs a command to completion and returns its wall time; a non-zero exit is a failed measurement.</summary>
    public static TimeSpan Measure(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = RunningProcess.Start(fileName, arguments);
        var (exitCode, wall) = process.WaitForExitTimed(Timeouts.Command, cancellationToken);
        return exitCode == 0
            ? wall
            : throw new MeasurementException($"`{process.CommandLine}` exited {exitCode}. Its last output:\n{process.Output}");
    }
}
