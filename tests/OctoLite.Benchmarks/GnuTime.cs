namespace OctoLite.Benchmarks;

/// <summary>
/// Runs commands under GNU time (<c>/usr/bin/time -v</c>), which reports the peak resident set size of
/// the command it runs (its wall time, in 10 ms steps and with time's own fork/exec in it, is not used). The report goes to a file (<c>-o</c>) so it never mixes
/// with the command's own output.
/// </summary>
internal static class GnuTime
{
    public const string ExecutablePath = "/usr/bin/time";

    public static void EnsureAvailable()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new MeasurementException(
                $"{ExecutablePath} is missing; the benchmarks need GNU time (the Debian/Ubuntu package is named 'time').");
        }
    }

    /// <summary>Starts a command under GNU time; once it exits, <paramref name="reportFile"/> holds the report.</summary>
    public static RunningProcess Start(string reportFile, string fileName, IReadOnlyList<string> arguments) =>
        RunningProcess.Start(ExecutablePath, ["-v", "-o", reportFile, fileName, .. arguments]);

    /// <summary>Runs a command to completion under GNU time; a non-zero exit is a failed measurement.</summary>
    public static async Task<TimeReport> MeasureAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var reportFile = Path.GetTempFileName();
        try
        {
            using var process = Start(reportFile, fileName, arguments);
            var exitCode = await process.WaitForExitAsync(Timeouts.Command, cancellationToken);
            if (exitCode != 0)
            {
                throw new MeasurementException($"`{process.CommandLine}` exited {exitCode}. Its last output:\n{process.Output}");
            }

            return TimeReport.Read(reportFile);
        }
        finally
        {
            File.Delete(reportFile);
        }
    }
}
