using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// Opens a file with the rights of another account, without starting a process: so that a step run as that
/// account can only have the server keep (as an artifact) what the account could read itself — never
/// <c>/etc/shadow</c> or the server's own data.
/// </summary>
/// <remarks>
/// <para>
/// On Linux the rights a file is opened with are those of the calling <em>thread</em>: its filesystem user and
/// group ids and its supplementary groups. A dedicated thread takes on the account's (<c>setfsuid</c>,
/// <c>setfsgid</c>, and the raw <c>setgroups</c> system call — glibc's wrapper would apply it to every thread of
/// the server), opens the file, and puts the server's back; the rest of the server never runs with them. A
/// filesystem uid other than 0 drops the thread's file capabilities (<c>CAP_DAC_OVERRIDE</c> and friends), so the
/// kernel checks every folder on the path and the file's mode bits and ACLs exactly as for the account.
/// </para>
/// <para>
/// The file is opened non-blocking (a FIFO cannot hang the server) and must be a regular file. The open descriptor
/// is what the server then reads (through <see cref="AccountFile.ReadablePath"/>), so swapping the file for a link
/// after the check gains nothing.
/// </para>
/// </remarks>
internal static unsafe partial class AccountFileAccess
{
    private const int OpenFlags = 0x800 | 0x100 | 0x80000; // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
    private const uint Query = uint.MaxValue; // setfsuid(-1) changes nothing and returns the current id

    /// <summary>
    /// Opens <paramref name="path"/> for reading as <paramref name="account"/> would. The result holds the open
    /// file, or why the account cannot read a regular file there.
    /// </summary>
    public static AccountFile OpenForReading(string path, RunAsAccount account)
    {
        if (path.Contains('\0'))
            return AccountFile.Refused("that is not a valid path");
        if (SetGroupsCall == 0)
            return AccountFile.Refused($"opening files as another account is not supported on {RuntimeInformation.ProcessArchitecture}");

        var outcome = AccountFile.Refused("it was not opened");
        var thread = new Thread(() =>
        {
            try
            {
                outcome = OpenOnThisThread(path, account);
            }
            catch (Exception e)
            {
                // An exception escaping a thread of its own would end the server: it refuses the file instead.
                outcome = AccountFile.Refused(e.Message);
            }
        }) { IsBackground = true, Name = "octolite open as " + account.Name };
        thread.UnsafeStart();
        thread.Join();
        return outcome;
    }

    private static AccountFile OpenOnThisThread(string path, RunAsAccount account)
    {
        var serverGroups = ThreadGroups();
        var serverUid = (uint)setfsuid(Query);
        var serverGid = (uint)setfsgid(Query);
        try
        {
            if (!TrySetThreadGroups([.. account.Groups]))
                return AccountFile.Refused($"the server could not take on the groups of {account.Name}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            setfsgid(account.Gid);
            setfsuid(account.Uid);
            if ((uint)setfsuid(Query) != account.Uid || (uint)setfsgid(Query) != account.Gid)
                return AccountFile.Refused($"the server could not take on the rights of {account.Name}");

            var fd = open(path, OpenFlags);
            if (fd < 0)
                return AccountFile.Refused(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
            return AccountFile.Opened(new SafeFileHandle(fd, ownsHandle: true));
        }
        finally
        {
            // The thread ends right after; put the server's rights back all the same.
            setfsuid(serverUid);
            setfsgid(serverGid);
            TrySetThreadGroups(serverGroups);
        }
    }

    private static uint[] ThreadGroups()
    {
        var count = getgroups(0, null);
        if (count <= 0)
            return [];
        var groups = new uint[count];
        fixed (uint* list = groups)
            count = getgroups(count, list);
        return count < 0 ? [] : groups[..count];
    }

    private static bool TrySetThreadGroups(uint[] groups)
    {
        fixed (uint* list = groups)
            return syscall(SetGroupsCall, groups.Length, (nint)list) == 0;
    }

    // The setgroups system call number, one per architecture (glibc's setgroups() would apply it to every thread); 0 for unknown.
    private static nint SetGroupsCall => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 116,
        Architecture.Arm64 => 159,
        _ => 0,
    };

    [LibraryImport("libc")]
    private static partial int setfsuid(uint uid);

    [LibraryImport("libc")]
    private static partial int setfsgid(uint gid);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getgroups(int size, uint* list);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint syscall(nint number, nint first, nint second);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);
}
