using System.Runtime.InteropServices;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Whether a path names a regular file, through <c>statx(2)</c>. .NET's <see cref="FileInfo"/> cannot tell a file
/// from a FIFO or a device, and opening a FIFO to find out blocks until someone writes to it: an artifact such as
/// <c>/dev/zero</c> or a named pipe would hang or flood the collector.
/// </summary>
internal static partial class RegularFile
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const uint WantTypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE

    // struct statx has one layout on every architecture: stx_mode is a u16 at byte 28, stx_size a u64 at byte 40.
    private const int StatxBytes = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG

    /// <summary>
    /// The length of the regular file at <paramref name="path"/> (an absolute path; symbolic links are followed),
    /// or null when there is none: missing, a folder, a FIFO, a socket, a device or unreadable metadata.
    /// </summary>
    public static long? Length(string path)
    {
        if (path.Contains('\0'))
            return null; // C would read it as the shorter path before the NUL
        try
        {
            return LengthFromStatx(path);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): FileInfo at least rules out folders and missing files.
            var info = new FileInfo(path);
            return info.Exists ? info.Length : null;
        }
    }

    private static unsafe long? LengthFromStatx(string path)
    {
        var buffer = stackalloc byte[StatxBytes];
        if (statx(CurrentFolder, path, 0, WantTypeAndSize, buffer) != 0)
            return null;

        var mode = *(ushort*)(buffer + ModeOffset);
        return (mode & TypeMask) == RegularType ? (long)*(ulong*)(buffer + SizeOffset) : null;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);
}
