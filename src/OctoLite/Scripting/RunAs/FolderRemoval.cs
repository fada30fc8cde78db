using System.Diagnostics;
using OctoLite.Scripting.Processes;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// Deletes a folder that another account owns (the working folder of a step run as that account), as root,
/// without letting that account turn the deletion against other files.
/// </summary>
/// <remarks>
/// .NET's recursive delete walks the tree by path names: a process of the account still running (another step,
/// or one that left its process group) could swap a subfolder for a link to <c>/etc</c> between the check and the
/// descent. GNU <c>rm -rf</c> walks it with descriptors (<c>openat</c> and <c>O_NOFOLLOW</c>), never follows a
/// link, and with <c>--one-file-system</c> never crosses into a mount; so it is used here, one process per step
/// run as another account, after the step. The server's own steps keep the in-process delete.
/// </remarks>
internal static class FolderRemoval
{
    /// <summary>Deletes <paramref name="folder"/> (an absolute path) and all in it; nothing when it does not exist.</summary>
    /// <exception cref="IOException">Something could not be deleted; the message is rm's.</exception>
    public static async Task RemoveAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Path.IsPathRooted(folder))
            throw new ArgumentException("The folder must be an absolute path.", nameof(folder));

        var rm = ExecutableSearch.FindPreferring(["/bin/rm", "/usr/bin/rm"], "rm", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new IOException("rm was not found in /bin, /usr/bin or on the PATH.");
        var start = new ProcessStartInfo(rm) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "-rf", "--one-file-system", "--", folder })
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException("rm could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"rm could not be started: {e.Message}", e);
        }

        using var started = process;
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            throw new IOException(first ?? $"rm ended with exit code {process.ExitCode}.");
        }
    }
}
