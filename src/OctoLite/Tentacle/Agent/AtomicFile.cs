namespace OctoLite.Tentacle.Agent;

/// <summary>Writes small files owner-only (0600) and atomically: a reader or a crash sees the old bytes or the new, never half.</summary>
internal static class AtomicFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="durable">
    /// True to fsync the new bytes before they replace the old, so they survive a power loss too; false when only a
    /// crash of this process matters (the rename is atomic either way, and the page cache outlives the process).
    /// </param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool durable = true)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly,
            }))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
