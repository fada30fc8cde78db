using System.IO.Pipes;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// One running step script: a child process that leads its own session and process group, so that cancelling it
/// reaches every process it started (<c>sleep 300 &amp;</c>, <c>nohup</c> children, pipelines), and whose
/// standard output and error are read line by line into a caller's sink.
/// </summary>
/// <remarks>
/// <para>
/// How the group is made: .NET's Process cannot call <c>setsid()</c> between fork and exec, so the script is
/// started with glibc's <c>posix_spawn</c> and <c>POSIX_SPAWN_SETSID</c> (see <see cref="ScriptSpawner"/>; needs
/// glibc 2.29 or later, 2.34 to also close descriptors the server inherited). The child calls <c>setsid()</c> before it
/// execs the program, so once <see cref="Start"/> returns its pid is also its session id and process group id. In its
/// new session the script has no controlling terminal, so a Ctrl-C at the server's terminal never reaches it.
/// </para>
/// <para>
/// Exit: a dedicated background thread waits in <c>waitpid</c> for the script and reaps it (see <see cref="ChildExit"/>),
/// so no zombie is left behind.
/// </para>
/// <para>
/// Environment: empty plus the documented minimal set, then <see cref="ScriptProcessStartInfo.Environment"/> —
/// see <see cref="ScriptEnvironment"/>. Standard input is <c>/dev/null</c>: at end-of-file from the start.
/// </para>
/// <para>
/// Output: each pipe is read on its own task; lines (see <see cref="OutputLine"/>, or as UTF-8 bytes through an
/// <see cref="OutputBytesSink"/>) reach the sink in order within a pipe. Calls to the sink are never concurrent, and a slow sink slows the script down (the pipe fills) rather
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

    private readonly ChildExit exit;
    private readonly AnonymousPipeClientStream stdout;
    private readonly AnonymousPipeClientStream stderr;
    private readonly Action<OutputLine>? sink;
    private readonly OutputBytesSink? bytesSink;
    private readonly TimeProvider time;
    private readonly Lock sinkGate = new();
    private readonly LineClock lineClock;
    private readonly CancellationTokenSource abandonPumps = new();
    private readonly Task pumps;
    private Exception? sinkFailure;
    private volatile bool groupGone;
    private volatile bool abandoned;
    private int disposed;

    private ScriptProcess(
        int pid, SafePipeHandle stdoutPipe, SafePipeHandle stderrPipe, ScriptProcessStartInfo startInfo, Action<OutputLine>? sink, OutputBytesSink? bytesSink)
    {
        ProcessId = pid;
        exit = ChildExit.Watch(pid);
        this.sink = sink;
        this.bytesSink = bytesSink;
        time = startInfo.TimeProvider;
        lineClock = new LineClock(time);
        stdout = new AnonymousPipeClientStream(PipeDirection.In, stdoutPipe);
        stderr = new AnonymousPipeClientStream(PipeDirection.In, stderrPipe);
        pumps = Task.WhenAll(
            // Stdout on its own thread with blocking reads: it carries the floods; stderr is read asynchronously.
            OutputPump.RunOnThread(stdout, startInfo.MaxLineBytes, line => Deliver(OutputStream.StdOut, line), $"octolite stdout {pid}", abandonPumps.Token),
            Task.Run(() => OutputPump.RunAsync(stderr, startInfo.MaxLineBytes, line => Deliver(OutputStream.StdErr, line), abandonPumps.Token)));

        // Registered after the pumps', so it runs first (callbacks run newest first): once the pumps are abandoned,
        // a line still being delivered finishes and no later one reaches the sink.
        abandonPumps.Token.Register(() =>
        {
            lock (sinkGate)
                abandoned = true;
        });
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
    /// <exception cref="ScriptProcessStartException">The working folder or the program does not exist or cannot be used.</exception>
    public static ScriptProcess Start(ScriptProcessStartInfo startInfo, Action<OutputLine> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Start(startInfo, output, null);
    }

    /// <summary>
    /// The same, handing each line to <paramref name="output"/> as UTF-8 bytes, without a string or a timestamp per
    /// line: for sinks that store or forward the bytes as they are.
    /// </summary>
    /// <exception cref="ArgumentException">Argv is empty or an argument holds NUL; an environment variable is not valid.</exception>
    /// <exception cref="ScriptProcessStartException">The working folder or the program does not exist or cannot be used.</exception>
    public static ScriptProcess Start(ScriptProcessStartInfo startInfo, OutputBytesSink output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Start(startInfo, null, output);
    }

    private static ScriptProcess Start(ScriptProcessStartInfo startInfo, Action<OutputLine>? output, OutputBytesSink? bytesOutput)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        ArgumentOutOfRangeException.ThrowIfLessThan(startInfo.MaxLineBytes, 4);
        var pid = ScriptSpawner.Spawn(startInfo, out var stdoutPipe, out var stderrPipe);
        return new ScriptProcess(pid, stdoutPipe, stderrPipe, startInfo, output, bytesOutput);
    }

    /// <summary>
    /// Waits until the script has exited and both its pipes are read to the end; returns its exit code
    /// (128 + signal number when a signal ended it, e.g. 137 after SIGKILL, 143 after SIGTERM; <see cref="ChildExit.Unknown"/>
    /// in the rare case described on <see cref="ChildExit"/>).
    /// Cancelling <paramref name="cancellationToken"/> stops the waiting only: the script keeps running.
    /// </summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var code = await exit.Code.WaitAsync(cancellationToken).ConfigureAwait(false);
        await pumps.WaitAsync(cancellationToken).ConfigureAwait(false);
        Exception? failure;
        lock (sinkGate)
            failure = sinkFailure;
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        return code;
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
        await stdout.DisposeAsync().ConfigureAwait(false);
        await stderr.DisposeAsync().ConfigureAwait(false);
        abandonPumps.Dispose();
    }

    private void Deliver(OutputStream stream, ReadOnlySpan<byte> line)
    {
        lock (sinkGate)
        {
            if (sinkFailure is not null || abandoned)
                return;
            try
            {
                if (bytesSink is not null)
                    bytesSink(stream, line);
                else
                    sink!(new OutputLine(stream, LineSplitter.Decode(line), lineClock.Now));
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
        return ProcessGroup.SignalGroup(ProcessGroupId, signal);
    }

    // Once the script has exited and no member of its group runs, the group can never come back: remember that,
    // so that a later signal cannot reach an unrelated group that reuses the number.
    private bool IsGroupRunning()
    {
        if (groupGone)
            return false;
        if (!exit.HasExited || ProcessGroup.HasLiveMembers(ProcessGroupId))
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
