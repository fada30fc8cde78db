using System.Runtime.InteropServices;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// Waits for one child process to exit and reaps it, on a dedicated background thread blocked in
/// <c>waitpid(pid, &amp;status, 0)</c>, so the exit is seen the moment it happens and no zombie is left behind.
/// </summary>
/// <remarks>
/// Nothing else in OctoLite reaps this child: .NET's SIGCHLD handling only calls <c>waitpid</c> on the pids of
/// children started through <see cref="System.Diagnostics.Process"/>, except when the server runs as pid 1 or was
/// started with SIGCHLD ignored — then .NET reaps every child, and may take the status first (see <see cref="Unknown"/>).
/// </remarks>
internal sealed class ChildExit
{
    /// <summary>The exit code reported when another reaper took the child's status first.</summary>
    public const int Unknown = -1;

    private const int ThreadStackBytes = 128 * 1024;

    private readonly int pid;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildExit(int pid) => this.pid = pid;

    /// <summary>Completes with the exit code: the exit status, or 128 + the signal that ended the child.</summary>
    public Task<int> Code => exited.Task;

    /// <summary>Whether the child has exited and been reaped (its pid may already belong to another process).</summary>
    public bool HasExited => exited.Task.IsCompleted;

    /// <summary>Starts waiting for child <paramref name="pid"/>, which must be a child of this process not yet reaped.</summary>
    public static ChildExit Watch(int pid)
    {
        var watch = new ChildExit(pid);
        new Thread(watch.Wait, ThreadStackBytes) { IsBackground = true, Name = "octolite script wait" }.Start();
        return watch;
    }

    /// <summary>The exit code a <c>waitpid</c> status stands for.</summary>
    public static int Decode(int status)
    {
        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    private unsafe void Wait()
    {
        int status;
        int result;
        while ((result = PosixSpawn.waitpid(pid, &status, 0)) < 0 && Marshal.GetLastPInvokeError() == PosixSpawn.Interrupted)
        {
        }

        // ECHILD: reaped by someone else (see the remarks); the child is gone, its status unknown.
        exited.SetResult(result == pid ? Decode(status) : Unknown);
    }
}
