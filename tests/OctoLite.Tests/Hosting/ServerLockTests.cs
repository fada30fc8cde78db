using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Hosting;

public sealed class ServerLockTests
{
    [Fact]
    public void Acquire_Twice_SecondIsRefusedNamingThePidAndDataDir()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Path);
        using var first = ServerLock.Acquire(paths);

        var error = Assert.Throws<ServerAlreadyRunningException>(() => ServerLock.Acquire(paths));

        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
        Assert.Contains(temp.Path, error.Message);
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Path);
        ServerLock.Acquire(paths).Dispose();

        using var again = ServerLock.Acquire(paths);

        Assert.True(File.Exists(paths.PidFile));
    }
}
