using System.Runtime.InteropServices;

namespace OctoLite.Server.Security;

/// <summary>Questions about OS accounts, answered by libc so NSS (LDAP, sssd) users count too.</summary>
internal static partial class UnixAccounts
{
    public static bool Exists(string userName) => getpwnam(userName) != IntPtr.Zero;

    public static bool IsRoot => geteuid() == 0;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getpwnam(string name);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
