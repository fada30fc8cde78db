using System.Diagnostics;

namespace OctoLite.Acceptance.Support;

/// <summary>Runs the binary as a user's shell would: a real child process with its own timeout.</summary>
internal static class OctoLiteProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Arguments go through <see cref="ProcessStartInfo.ArgumentList"/> (no shell quoting), and
    /// inherited <c>OCTOLITE_*</c> variables are dropped so a developer's shell cannot point the
    /// binary at another server or data dir; <paramref name="environment"/> sets variables on top.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        IEnumerable<string> arguments,
        string? binary = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(binary ?? OctoLiteBinary.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("OCTOLITE_", StringComparison.Ordinal)).ToList())
            startInfo.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            startInfo.Environment[name] = value;
        return startInfo;
    }

    /// <summary>
    /// Runs to completion with stdin at end-of-file (never a terminal), capturing both streams.
    /// On timeout, or when <paramref name="cancellationToken"/> (the test's deadline) fires, the
    /// process tree is killed and the test fails with whatever it printed.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        string? binary = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var process = new Process { StartInfo = StartInfo(arguments, binary, workingDirectory, environment) };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        try
        {
            await Task.WhenAll(process.WaitForExitAsync(timer.Token), stdout, stderr).WaitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            var partial = new ProcessResult(arguments, -1, await Drain(stdout), await Drain(stderr), stopwatch.Elapsed);
            var why = cancellationToken.IsCancellationRequested ? "the test's deadline passed" : $"it did not exit within {limit.TotalSeconds:F0} s";
            throw new TimeoutException($"killed octolite: {why}\n{partial}");
        }

        return new ProcessResult(arguments, process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }

    internal static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<string> Drain(Task<string> output)
    {
        try
        {
            return await output.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            return "(output still open)";
        }
    }
}
