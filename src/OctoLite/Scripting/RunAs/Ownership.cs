using System.Runtime.InteropServices;

namespace OctoLite.Scripting.RunAs;

/// <summary>Who owns the folders and files of a step run as another account.</summary>
internal static partial class Ownership
{
    /// <summary>
    /// Makes <paramref name="account"/> the owner (user and primary group) of each of <paramref name="paths"/>, modes
    /// unchanged. Symbolic links are not followed (<c>lchown</c>): a link is handed over, never what it points to.
    /// </summary>
    /// <exception cref="IOException">A path cannot be handed over; the message names it.</exception>
    public static void HandOver(IEnumerable<string> paths, RunAsAccount account)
    {
        foreach (var path in paths)
        {
            if (lchown(path, account.Uid, account.Gid) != 0)
                throw new IOException($"Could not give {path} to {account.Name}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> if it is missing (its parent must exist), checks that it is a real folder
    /// (not a symbolic link) owned by the server's account, and gives it exactly <paramref name="mode"/>. Used for
    /// the folders above a step's folder: only the server may write in them, so no one else can swap a step's
    /// folder for a link.
    /// </summary>
    /// <exception cref="IOException">The path exists but is not such a folder, or cannot be made one.</exception>
    public static void EnsureServerFolder(string path, UnixFileMode mode)
    {
        if (FileStatus.OfPath(path) is null)
        {
            try
            {
                Directory.CreateDirectory(path, mode);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException($"Could not create {path}: {e.Message}", e);
            }
        }

        var status = FileStatus.OfPath(path) ?? throw new IOException($"{path} vanished while it was being created.");
        if (!status.IsDirectory)
            throw new IOException($"{path} should be a folder owned by the server's account, and it is not a folder (a symbolic link or a file); remove it.");
        if (status.Uid != RunAsAccount.ServerUid)
            throw new IOException($"{path} should be a folder owned by the server's account, and it is owned by uid {status.Uid}; remove it or give it to the server's account.");
        if (status.Permissions != (int)mode)
            File.SetUnixFileMode(path, mode); // also undoes the umask, which CreateDirectory applied
    }

    /// <summary>
    /// Creates the folder <paramref name="path"/> with <paramref name="mode"/> (less the umask), its parent only;
    /// false when the parent does not exist (so a parent removed meanwhile is never silently made again 0700).
    /// </summary>
    /// <exception cref="IOException">The folder cannot be created for another reason (it exists, say).</exception>
    public static bool TryCreateFolder(string path, UnixFileMode mode)
    {
        if (mkdir(path, (uint)mode) == 0)
            return true;
        var error = Marshal.GetLastPInvokeError();
        if (error == NoSuchEntry)
            return false;
        throw new IOException($"Could not create {path}: {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    /// <summary>Removes the folder <paramref name="path"/> if it is empty; leaves it, silently, when it is not or is gone.</summary>
    public static void RemoveIfEmpty(string path) => rmdir(path);

    private const int NoSuchEntry = 2; // ENOENT

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdir(string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rmdir(string path);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint owner, uint group);
}
