using System.Text;

namespace OctoLite.Scripting.Bootstrap;

/// <summary>Writes files that only their owner may read: they can hold sensitive variable values.</summary>
internal static class PrivateFile
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 (no BOM) to a new file of mode 0600, replacing any file there. The
    /// file is created with that mode, so it is never readable by others, not even for a moment.
    /// </summary>
    public static void Write(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var stream = new FileStream(path, options);
        stream.Write(Utf8.GetBytes(text));
    }
}
