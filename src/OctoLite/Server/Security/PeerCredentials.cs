using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace OctoLite.Server.Security;

/// <summary>
/// Who is on the other end of a Unix-domain socket, as the kernel vouches (SO_PEERCRED): the local
/// caller's account goes into audit events instead of the server's own.
/// </summary>
internal static partial class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The peer's user name (or uid when it has none), or null when the kernel does not say.</summary>
    public static string? UserOf(Socket socket)
    {
        if (socket.AddressFamily != AddressFamily.Unix)
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        Span<byte> credentials = stackalloc byte[12];
        try
        {
            if (socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) != credentials.Length)
            {
                return null;
            }
        }
        catch (SocketException)
        {
            return null;
        }

        var uid = MemoryMarshal.Read<uint>(credentials[4..]);
        if (uid == uint.MaxValue)
        {
            // (uid_t)-1: the kernel has no credentials for this peer.
            return null;
        }

        return NameOf(uid) ?? $"uid {uid}";
    }

    private static unsafe string? NameOf(uint uid)
    {
        var entry = getpwuid(uid);
        // struct passwd starts with char* pw_name.
        return entry == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(*(IntPtr*)entry);
    }

    [LibraryImport("libc")]
    private static partial IntPtr getpwuid(uint uid);
}
