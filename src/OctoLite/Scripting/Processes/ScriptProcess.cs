using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// One running step script: a child process that leads its own session and process group, so that cancelling it
/// reaches every process it started (<c>sleep 300 &amp;</c>, <c>nohup</c> children, pipelines), and whose
/// standard output and error are read line by line into a caller's sink.
/// </summary>
/// <remarks>
/// <para>
/// How the group is made: .NET cannot call <c>setsid()</c> between fork and exec, so the child is started as
/// <c>setsid --wait -- program args…</c> (util-linux). A child of .NET is never a group leader, so setsid calls
/// <c>setsid()</c> and execs the program in place: the program keeps the pid .NET knows, and that pid is also its
/// session id and process group id. <see cref="Start"/> returns once that has happened. (<c>--wait</c> only matters
/// if setsid ever had to fork: it then waits and passes the program's exit code on.) In its new session the script
/// has no controlling terminal, so a Ctrl-C at the server's terminal never reaches it.
/// </para>
/// <para>
/// Environment: empty plus the documented minimal set, then <see cref="ScriptProcessStartInfo.Environment"/> —
/// see <see cref="ScriptEnvironment"/>. Standard input is at end-of-file from the start.
/// </para>
/// <para>
/// Output: each pipe is read on its own task; lines (see <see cref="OutputLine"/>) reach the sink in order within a
/// pipe. Calls to the sink are never concurrent, and a slow sink slows the script down (the pipe fills) rather
/// than buffering without bound. If the sink throws, later lines are read and dropped and
/// <see cref="WaitForExitAsync"/> rethrows the exception.
/// </para>
/// <para>
/// Background processes that keep the script's stdout or stderr open keep <see cref="WaitForExitAsync"/> waiting
/// after the script itself has exited, as in Octopus (redirect their output, e.g. <c>nohup x &gt;/dev/null 2&gt;&amp;1 &amp;</c>).
/// </para>
/// <para>
/// Timeouts are the caller's: wait with a token that fires at the deadline, then terminate.
/// <code>
/// using var deadline = CancellationTokenSource.CreateLinkedTokenSource(taskToken);
/// deadline.CancelAfter(timeout);
/// try { return await script.WaitForExitAsync(deadline.Token); }
/// catch (OperationCanceledException) { await script.TerminateAsync(ScriptProcess.DefaultTerminationGrace); throw; }
/// </code>
/// </para>
/// <para>
/// Limits: a process that makes itself a new session or group (<c>setsid</c>, job control in <c>bash -i</c>)
/// leaves the group and is out of reach, as with any process-group kill; if it holds a pipe, the pumps let go
/// of it two seconds after the group is killed.
/// </para>
/// </remarks>
internal sealed class ScriptProcess : IAsyncDisposable
{
    /// <summary>How long <see cref="TerminateAsync(CancellationToken)"/> waits between SIGTERM and SIGKILL: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTerminationGrace = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SettleAfterKill = TimeSpan.FromSeconds(5);

    // After the group is killed, pipes still open belong to a process that left the group: stop reading them.
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(2);

    private readonly Process process;
    private readonly Action<OutputLine> sink;
    private readonly TimeProvider time;
    private readonly Lock sinkGate = new();
    private readonly CancellationTokenSource abandonPumps = new();
    private readonly Task pumps;
    private Exception? sinkFailure;
    private volatile bool groupGone;
    private int disposed;

    private ScriptProcess(Process process, ScriptProcessStartInfo startInfo, Action<OutputLine> sink)
    {
        this.process = process;
        this.sink = sink;
        time = startInfo.TimeProvider;
        ProcessId = process.Id;
        var stdout = process.StandardOutput.BaseStream;
        var stderr = process.StandardError.BaseStream;
        pumps = Task.WhenAll(
            Task.Run(() => OutputPump.RunAsync(stdout, startInfo.MaxLineBytes, text => Deliver(OutputStream.StdOut, text), abandonPumps.Token)),
            Task.Run(() => OutputPump.RunAsync(stderr, startInfo.MaxLineBytes, text => Deliver(OutputStream.StdErr, text), abandonPumps.Token)));
    }

    /// <summary>The script's process id.</summary>
    public int ProcessId { get; }

    /// <summary>The script's process group (and session) id: the same number as <see cref="ProcessId"/>.</summary>
    public int ProcessGroupId => ProcessId;

    /// <summary>
    /// Starts <paramref name="startInfo"/> in a new session and process group, and starts pumping its output to
    /// <paramref name="output"/>. Returns once the child leads its group, so <see cref="ProcessGroupId"/> can be signalled.
    /// </summary>
    /// <exception cref="ArgumentException">Argv is empty or an argument holds NUL; an environment variable is not valid.</exception>
    /// <exception cref="ScriptProcessStartException">The working folder or the program does not exist, or setsid is missing.</exception>
    public static ScriptProcess Start(ScriptProcessStartInfo startInfo, Action<OutputLine> output)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(startInfo.MaxLineBytes, 4);
        var process = new Process { StartInfo = Describe(startInfo) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ScriptProcessStartException($"Could not start '{startInfo.Argv[0]}': {e.Message}", e);
        }

        process.StandardInput.Close();
        WaitUntilGroupLeader(process.Id);
        return new ScriptProcess(process, startInfo, output);
    }

    /// <summary>
    /// Waits until the script has exited and both its pipes are read to the end; returns its exit code
    /// (128 + signal number when a signal ended it, e.g. 137 after SIGKILL, 143 after SIGTERM).
    /// Cancelling <paramref name="cancellationToken"/> stops the waiting only: the script keeps running.
    /// </summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await pumps.WaitAsync(cancellationToken).ConfigureAwait(false);
        Exception? failure;
        lock (sinkGate)
            failure = sinkFailure;
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        return process.ExitCode;
    }

    /// <summary>Terminates with the <see cref="DefaultTerminationGrace"/>; see <see cref="TerminateAsync(TimeSpan, CancellationToken)"/>.</summary>
    public Task TerminateAsync(CancellationToken cancellationToken = default) => TerminateAsync(DefaultTerminationGrace, cancellationToken);

    /// <summary>
    /// Sends SIGTERM to the whole process group; if any of it is still running after <paramref name="grace"/>,
    /// sends SIGKILL to the group. Returns when no process of the group is left running (zombies do not count),
    /// or at most five seconds after the SIGKILL. Does nothing if the group is already gone.
    /// If <paramref name="cancellationToken"/> fires first, the escalation stops there; disposing still kills what is left.
    /// </summary>
    public async Task TerminateAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (Signal(ProcessGroup.Term))
        {
            await WaitForGroupToEndAsync(grace, cancellationToken).ConfigureAwait(false);
            if (!groupGone && Signal(ProcessGroup.Kill))
                await WaitForGroupToEndAsync(SettleAfterKill, cancellationToken).ConfigureAwait(false);
        }

        abandonPumps.CancelAfter(DrainAfterKill);
    }

    /// <summary>
    /// Kills (SIGKILL) whatever is left of the process group — a script still running, or background processes
    /// a finished script left behind — waits for the pipes to close, and releases the process.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;

        if (IsGroupRunning() && Signal(ProcessGroup.Kill))
            await WaitForGroupToEndAsync(SettleAfterKill, CancellationToken.None).ConfigureAwait(false);

        abandonPumps.CancelAfter(DrainAfterKill);
        await pumps.ConfigureAwait(false);
        process.Dispose();
        abandonPumps.Dispose();
    }

    private static ProcessStartInfo Describe(ScriptProcessStartInfo startInfo)
    {
        var argv = startInfo.Argv;
        if (argv.Count == 0 || string.IsNullOrEmpty(argv[0]))
            throw new ArgumentException("Argv must name a program.", nameof(startInfo));
        if (argv.Any(a => a.Contains('\0')))
            throw new ArgumentException("Arguments cannot hold NUL characters.", nameof(startInfo));
        if (!Directory.Exists(startInfo.WorkingDirectory))
            throw new ScriptProcessStartException($"The working folder '{startInfo.WorkingDirectory}' does not exist.");

        var environment = ScriptEnvironment.Compose(startInfo.Environment);
        var program = ExecutableSearch.Find(Anchor(argv[0], startInfo.WorkingDirectory), environment.GetValueOrDefault("PATH"))
            ?? throw new ScriptProcessStartException($"Cannot run '{argv[0]}': no executable file of that name was found{(argv[0].Contains('/') ? "" : " on the script's PATH")}.");
        var setsid = ExecutableSearch.FindPreferring(["/usr/bin/setsid", "/bin/setsid"], "setsid", System.Environment.GetEnvironmentVariable("PATH"))
            ?? throw new ScriptProcessStartException("Scripts run through setsid (util-linux), which was found neither in /usr/bin, /bin nor on the PATH.");

        var info = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = startInfo.WorkingDirectory,
        };
        info.ArgumentList.Add("--wait");
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(program);
        foreach (var argument in argv.Skip(1))
            info.ArgumentList.Add(argument);

        info.Environment.Clear();
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return info;
    }

    // A relative path with a '/' (./deploy.sh) means the child's working folder, not ours.
    private static string Anchor(string program, string workingDirectory) =>
        program.Contains('/') && !Path.IsPathRooted(program) ? Path.Combine(workingDirectory, program) : program;

    // setsid(1) makes itself the group leader just before exec; until then the group cannot be signalled.
    private static void WaitUntilGroupLeader(int pid)
    {
        // setsid execs within a fraction of a millisecond: spin and yield first, sleep only if it is slow.
        var deadline = Environment.TickCount64 + 5_000;
        var spinner = new SpinWait();
        while (ProcessGroup.GroupOf(pid) is { } group && group != pid && Environment.TickCount64 < deadline)
        {
            if (spinner.Count < 200)
                spinner.SpinOnce(sleep1Threshold: -1);
            else
                Thread.Sleep(1);
        }
    }

    private void Deliver(OutputStream stream, string text)
    {
        lock (sinkGate)
        {
            if (sinkFailure is not null)
                return;
            try
            {
                sink(new OutputLine(stream, text, time.GetUtcNow()));
            }
            catch (Exception e)
            {
                sinkFailure = e;
            }
        }
    }

    // Whether anything was there to receive the signal.
    private bool Signal(int signal)
    {
        if (groupGone)
            return false;
        var reached = ProcessGroup.SignalGroup(ProcessGroupId, signal);
        if (!reached && !process.HasExited)
            reached = ProcessGroup.SignalProcess(ProcessId, signal); // not yet a group leader (see WaitUntilGroupLeader)
        return reached;
    }

    // Once the script has exited and no member of its group runs, the group can never come back: remember that,
    // so that a later signal cannot reach an unrelated group that reuses the number.
    private bool IsGroupRunning()
    {
        if (groupGone)
            return false;
        if (!process.HasExited || ProcessGroup.HasLiveMembers(ProcessGroupId))
            return true;
        groupGone = true;
        return false;
    }

    private async Task WaitForGroupToEndAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (IsGroupRunning() && time.GetUtcNow() < deadline)
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
    }
}
