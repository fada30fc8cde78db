namespace OctoLite.Acceptance.Support;

/// <summary>A fresh folder for one test, deleted with everything in it afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("octolite-acc-").FullName;

    public string Path { get; }

    /// <summary>A path inside this folder that does not exist yet.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not hide the test's own outcome.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
