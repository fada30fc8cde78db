using System.ComponentModel;
using System.Diagnostics;

namespace OctoLite.Benchmarks;

/// <summary>
/// A started child process. Its stdin is closed, its stdout and stderr are pumped line by line into
/// bounded tails so it never blocks on a full pipe and a failure can quote its last words. Disposing
/// kills whatever is left of its process tree.
/// </summary>
internal sealed class RunningProcess : IDisposable
{
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly OutputTail _standardOutput = new(TailLines);
    private readonly OutputTail _allOutput = new(TailLines);

    private RunningProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
    }

    /// <summary>The command as a person would type it, for messages.</summary>
    public string CommandLine { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> taken just before <see cref="Process.Start()"/>: where its wall time begins.</summary>
    public long StartTimestamp { get; private set; }

    /// <summary>The last lines of stdout alone.</summary>
    public string StandardOutput => _standardOutput.ToString();

    /// <summary>The last lines of stdout and stderr, interleaved as they arrived.</summary>
    public string Output => _allOutput.ToString();

    /// <param name="workingDirectory">The child's working directory; null for the harness's own.</param>
    /// <param name="environment">Variables to set in the child's environment, over the harness's own; null for none.</param>
    public static RunningProcess Start(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var running = new RunningProcess(process, string.Join(' ', [fileName, .. arguments]));
        process.OutputDataReceived += (_, e) =>
        {
            running._standardOutput.Add(e.Data);
            running._allOutput.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) => running._allOutput.Add(e.Data);
        try
        {
            // Everything above (start info, pipes' handlers) is set up before the clock starts.
            running.StartTimestamp = Stopwatch.GetTimestamp();
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new MeasurementException($"Cannot start `{running.CommandLine}`: {e.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for the process to exit and returns its exit code; past the timeout, kills its tree and throws.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new MeasurementException(
                $"`{CommandLine}` did not exit within {timeout.TotalSeconds:0} s and was killed. Its last output:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>
    /// Blocks until the process exits and returns its exit code and its wall time: from just before its spawn
    /// until its exit was seen. Blocking, unlike <see cref="WaitForExitAsync"/>, leaves no thread-pool hop between
    /// the exit and the reading of the clock. Past the timeout, kills its tree and throws.
    /// </summary>
    public (int ExitCode, TimeSpan Wall) WaitForExitTimed(TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool exited;
        TimeSpan wall;
        using (cancellationToken.Register(Kill))
        {
            exited = _process.WaitForExit(timeout);
            wall = Stopwatch.GetElapsedTime(StartTimestamp);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!exited)
        {
            Kill();
            throw new MeasurementException(
                $"`{CommandLine}` did not exit within {timeout.TotalSeconds:0} s and was killed. Its last output:\n{Output}");
        }

        // The exit is seen; now let the output pumps reach the end of their streams, so Output is complete.
        _process.WaitForExit();
        return (_process.ExitCode, wall);
    }

    /// <summary>Kills the process and its descendants, if still running, and waits briefly for them to go.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(Timeouts.Reap);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Same race, reported by the OS.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
