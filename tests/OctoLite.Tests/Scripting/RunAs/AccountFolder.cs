using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.RunAs;

/// <summary>
/// A temp folder another account can enter (0711, as the built-in worker's run-as work root is), holding files and
/// folders made by the test as root.
/// </summary>
internal sealed class AccountFolder : IDisposable
{
    private readonly TempDirectory root = new();

    public AccountFolder() =>
        System.IO.File.SetUnixFileMode(root.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

    public string Path => root.Path;

    public string Combine(string name) => root.Combine(name);

    /// <summary>Writes <paramref name="text"/> to a new file of mode <paramref name="mode"/> (octal digits as in chmod).</summary>
    public string File(string name, string text, string mode)
    {
        var path = Combine(name);
        System.IO.File.WriteAllText(path, text);
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        return path;
    }

    /// <summary>Makes a folder of mode <paramref name="mode"/> (octal digits as in chmod).</summary>
    public string Folder(string name, string mode)
    {
        var path = Combine(name);
        Directory.CreateDirectory(path);
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        return path;
    }

    public void Dispose() => root.Dispose();
}
