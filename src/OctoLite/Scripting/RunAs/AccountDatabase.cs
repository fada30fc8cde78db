using System.Runtime.InteropServices;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// <c>getpwnam_r(3)</c> and <c>getgrouplist(3)</c> for <see cref="RunAsAccount.Find"/>: the reentrant calls, since
/// steps start on many threads at once. <c>struct passwd</c> has one layout on 64-bit glibc (x86-64 and arm64).
/// </summary>
internal static unsafe partial class AccountDatabase
{
    private const int RangeError = 34; // ERANGE: the buffer is too small
    private const int Interrupted = 4; // EINTR
    private const int LargestBuffer = 1024 * 1024;

    public static RunAsAccount? Find(string name)
    {
        for (var size = 4096; ; size *= 2)
        {
            var buffer = new byte[size];
            Passwd entry;
            Passwd* found;
            int error;
            fixed (byte* bytes = buffer)
            {
                error = getpwnam_r(name, &entry, bytes, (nuint)size, &found);
                if (error == 0 && found is null)
                    return null;
                if (error == 0)
                {
                    var home = Marshal.PtrToStringUTF8((nint)entry.Dir) ?? "/";
                    return new RunAsAccount(name, entry.Uid, entry.Gid, home, Groups(name, entry.Gid));
                }
            }

            if (error == Interrupted)
                continue;
            if (error != RangeError || size >= LargestBuffer)
                throw new IOException($"Could not look up the user '{name}': {Marshal.GetPInvokeErrorMessage(error)}.");
        }
    }

    public static uint EffectiveUid() => geteuid();

    private static uint[] Groups(string name, uint primary)
    {
        var count = 32;
        while (true)
        {
            var groups = new uint[count];
            var wanted = count;
            fixed (uint* list = groups)
            {
                if (getgrouplist(name, primary, list, &wanted) >= 0)
                    return groups[..wanted];
            }

            // Too small: glibc has put the number needed in wanted.
            count = Math.Max(wanted, count * 2);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public byte* Name;
        public byte* Password;
        public uint Uid;
        public uint Gid;
        public byte* Gecos;
        public byte* Dir;
        public byte* Shell;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int getpwnam_r(string name, Passwd* entry, byte* buffer, nuint size, Passwd** result);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int getgrouplist(string user, uint group, uint* groups, int* count);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
