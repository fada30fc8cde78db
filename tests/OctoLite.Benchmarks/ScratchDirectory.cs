namespace OctoLite.Benchmarks;

/// <summary>A private temp dir for one measurement (a server's data dir, GNU time's report, a baseline's output), removed on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("octolite-bench-");

    /// <summary>A fresh, owner-only <c>data</c> folder inside, for a server.</summary>
    public string CreateDataDirectory() => Directory.CreateDirectory(Path.Combine(_root.FullName, "data"), OwnerOnly).FullName;

    /// <summary>A fresh, empty <c>cwd</c> folder inside, to start a server in (see <see cref="TaskServer"/>).</summary>
    public string CreateWorkingDirectory() => Directory.CreateDirectory(Path.Combine(_root.FullName, "cwd"), OwnerOnly).FullName;

    /// <summary>A path inside the scratch dir (nothing is created).</summary>
    public string PathOf(string name) => Path.Combine(_root.FullName, name);

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp dir left behind is not worth failing a measurement over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
