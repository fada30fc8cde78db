using System.Runtime.InteropServices;

namespace OctoLite.Benchmarks;

/// <summary>Sends SIGTERM, which .NET's Process cannot (its Kill is SIGKILL, which would skip the server's shutdown).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (Kill(pid, SigTerm) != 0)
        {
            throw new MeasurementException($"Cannot send SIGTERM to process {pid}: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
