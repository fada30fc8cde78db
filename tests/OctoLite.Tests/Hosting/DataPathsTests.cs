using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Hosting;

public sealed class DataPathsTests
{
    private static EnvironmentVariables Env(params (string Name, string Value)[] values) =>
        new(name => values.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Resolve_PrefersTheOption() =>
        Assert.Equal("/opt/a", DataPaths.Resolve("/opt/a", Env(("OCTOLITE_DATA_DIR", "/opt/b"), ("XDG_DATA_HOME", "/opt/c"))).Directory);

    [Fact]
    public void Resolve_ThenOctoliteDataDir() =>
        Assert.Equal("/opt/b", DataPaths.Resolve(null, Env(("OCTOLITE_DATA_DIR", "/opt/b"), ("XDG_DATA_HOME", "/opt/c"))).Directory);

    [Fact]
    public void Resolve_ThenXdgDataHome() =>
        Assert.Equal("/opt/c/octolite", DataPaths.Resolve(null, Env(("XDG_DATA_HOME", "/opt/c"), ("HOME", "/home/x"))).Directory);

    [Fact]
    public void Resolve_ThenHomeLocalShare() =>
        Assert.Equal("/home/x/.local/share/octolite", DataPaths.Resolve(null, Env(("HOME", "/home/x"))).Directory);

    [Fact]
    public void Resolve_IgnoresBlankVariables() =>
        Assert.Equal("/home/x/.local/share/octolite", DataPaths.Resolve(null, Env(("OCTOLITE_DATA_DIR", "  "), ("HOME", "/home/x"))).Directory);

    [Fact]
    public void EnsurePrivateDirectory_CreatesAndTightensTo0700()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Combine("data"));

        paths.EnsurePrivateDirectory();
        var created = File.GetUnixFileMode(paths.Directory);
        File.SetUnixFileMode(paths.Directory, created | UnixFileMode.GroupRead | UnixFileMode.OtherExecute);
        paths.EnsurePrivateDirectory();

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(owner, created);
        Assert.Equal(owner, File.GetUnixFileMode(paths.Directory));
    }
}
