using System.ComponentModel;
using System.Runtime.InteropServices;

namespace OctoLite.Acceptance.Support;

/// <summary>
/// <see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL, which would skip the server's
/// graceful shutdown; the tests need SIGTERM, the signal systemd and operators send.
/// </summary>
internal static class PosixSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Terminate(int processId) => Send(processId, SigTerm);

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({processId}, {signal}) failed");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
