using OctoLite.Hosting;
using OctoLite.Server;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task SecondServerOnSameDataDir_IsRefused_FirstKeepsServing()
    {
        await using var first = await RunningServer.StartAsync();

        var error = await Assert.ThrowsAsync<ServerStartException>(() =>
            OctoLiteServer.StartAsync(new ServerOptions { Paths = first.Paths, Listen = "127.0.0.1:0", LogFormat = LogFormat.None }, TestTimeout.Token()));

        Assert.Contains("already running", error.Message);
        Assert.Contains(first.Paths.Directory, error.Message);
        Assert.True((await first.Socket.GetAsync("api/serverstatus")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Stop_RemovesSocketAndPid_AndDataSurvivesRestart()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Combine("data"));
        var options = new ServerOptions { Paths = paths, Listen = null, LogFormat = LogFormat.None };
        var server = await OctoLiteServer.StartAsync(options, TestTimeout.Token());
        var socketMode = File.GetUnixFileMode(paths.SocketFile);
        var directoryMode = File.GetUnixFileMode(paths.Directory);
        await server.DisposeAsync();
        var socketLeft = File.Exists(paths.SocketFile);
        var pidLeft = File.Exists(paths.PidFile);

        await using var again = await RunningServer.StartAsync(temp);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, socketMode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, directoryMode);
        Assert.False(socketLeft);
        Assert.False(pidLeft);
        var seeded = (await again.GetJsonAsync("api/events"))["Items"]!.AsArray().Count(e => e!["Who"]!.GetValue<string>() == "system");
        Assert.Equal(3, seeded);
    }

    [Fact]
    public async Task StaleSocketFromCrashedServer_IsReplaced()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Combine("data"));
        paths.EnsurePrivateDirectory();
        await File.WriteAllTextAsync(paths.SocketFile, "left over");

        await using var server = await RunningServer.StartAsync(temp);

        Assert.True((await server.Socket.GetAsync("api/serverstatus")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task CorruptDataFile_RefusesToStart_NamingTheFile_AndReleasesTheLock()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Combine("data"));
        paths.EnsurePrivateDirectory();
        await File.WriteAllTextAsync(paths.DatabaseFile, new string('x', 20000));
        var options = new ServerOptions { Paths = paths, Listen = null, LogFormat = LogFormat.None };

        var error = await Assert.ThrowsAsync<ServerStartException>(() => OctoLiteServer.StartAsync(options, TestTimeout.Token()));

        Assert.Contains(paths.DatabaseFile, error.Message);
        using var lockAgain = ServerLock.Acquire(paths);
    }

    [Fact]
    public async Task BadListenAddress_IsRefusedBeforeTouchingTheDataDir()
    {
        using var temp = new TempDirectory();
        var paths = new DataPaths(temp.Combine("data"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            OctoLiteServer.StartAsync(new ServerOptions { Paths = paths, Listen = "somewhere:80" }, TestTimeout.Token()));

        Assert.False(Directory.Exists(paths.Directory));
    }
}
