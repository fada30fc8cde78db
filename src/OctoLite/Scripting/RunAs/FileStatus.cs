using System.Runtime.InteropServices;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// Type, mode, owner and length of a file through <c>statx(2)</c>, by path without following a final symbolic
/// link, or by open descriptor. (<c>struct statx</c> has one layout on every architecture.)
/// </summary>
/// <param name="Type">The <c>S_IFMT</c> bits of the mode.</param>
/// <param name="Permissions">The permission bits (<c>07777</c>) of the mode.</param>
internal readonly partial record struct FileStatus(int Type, int Permissions, uint Uid, uint Gid, long Length)
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH
    private const uint Wanted = 0x1 | 0x2 | 0x8 | 0x10 | 0x200; // STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID | STATX_SIZE

    private const int StatxBytes = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    public const int TypeMask = 0xF000; // S_IFMT
    public const int DirectoryType = 0x4000; // S_IFDIR
    public const int RegularType = 0x8000; // S_IFREG
    public const int SymbolicLinkType = 0xA000; // S_IFLNK

    public bool IsDirectory => Type == DirectoryType;

    public bool IsRegularFile => Type == RegularType;

    /// <summary>The status of <paramref name="path"/> itself (a symbolic link is reported as one); null when it does not exist.</summary>
    /// <exception cref="IOException">Any failure other than a missing path.</exception>
    public static unsafe FileStatus? OfPath(string path)
    {
        var buffer = stackalloc byte[StatxBytes];
        if (statx(CurrentFolder, path, NoFollow, Wanted, buffer) == 0)
            return Read(buffer);

        var error = Marshal.GetLastPInvokeError();
        if (error == 2) // ENOENT
            return null;
        throw new IOException($"Could not read the status of {path}: {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    /// <summary>The status of the file open on <paramref name="fd"/>.</summary>
    /// <exception cref="IOException">The descriptor cannot be read.</exception>
    public static unsafe FileStatus OfDescriptor(int fd)
    {
        var buffer = stackalloc byte[StatxBytes];
        if (statx(fd, "", EmptyPath, Wanted, buffer) == 0)
            return Read(buffer);
        throw new IOException($"Could not read the status of an open file: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
    }

    private static unsafe FileStatus Read(byte* buffer)
    {
        var mode = *(ushort*)(buffer + ModeOffset);
        return new FileStatus(mode & TypeMask, mode & 0xFFF, *(uint*)(buffer + UidOffset), *(uint*)(buffer + GidOffset), (long)*(ulong*)(buffer + SizeOffset));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);
}
