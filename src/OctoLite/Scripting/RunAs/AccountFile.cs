using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// A file opened with another account's rights (<see cref="AccountFileAccess"/>): a regular file, open for reading,
/// or the reason there is none. Dispose it once the file has been read.
/// </summary>
internal sealed class AccountFile : IDisposable
{
    private readonly SafeFileHandle? handle;

    private AccountFile(SafeFileHandle? handle, long length, string? refusal)
    {
        this.handle = handle;
        Length = length;
        Refusal = refusal;
    }

    /// <summary>Whether the account can read a regular file there.</summary>
    public bool IsReadable => handle is not null;

    /// <summary>The file's length when it was opened.</summary>
    public long Length { get; }

    /// <summary>Why the account cannot read a regular file there, in words for a log line; null when it can.</summary>
    public string? Refusal { get; }

    /// <summary>
    /// A path that opens this very file again (<c>/proc/self/fd/N</c>, not the name the script gave, so a file
    /// swapped since is not what is read); valid until dispose.
    /// </summary>
    public string ReadablePath => handle is null
        ? throw new InvalidOperationException("The file was not opened.")
        : string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{handle.DangerousGetHandle()}");

    public static AccountFile Refused(string reason) => new(null, 0, reason);

    /// <summary>Takes <paramref name="opened"/>; keeps it only when it is a regular file.</summary>
    public static AccountFile Opened(SafeFileHandle opened)
    {
        try
        {
            var status = FileStatus.OfDescriptor((int)opened.DangerousGetHandle());
            if (status.IsRegularFile)
                return new AccountFile(opened, status.Length, null);
            opened.Dispose();
            return Refused("it is not a regular file (a folder, a FIFO, a socket or a device)");
        }
        catch (IOException e)
        {
            opened.Dispose();
            return Refused(e.Message);
        }
    }

    public void Dispose() => handle?.Dispose();
}
