using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class DataDirPermissionTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [BinaryFact]
    public async Task DataDir_DataFile_AndSocket_AreOwnerOnly()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        // A folder the server has to create itself, so that its own mode is what gets checked.
        var dataDir = dir.Combine("data");
        await using var server = await ServerFixture.StartAsync(dataDir, deadline.Token);
        await server.Cli.JsonAsync("pool", "create", "--name", "Flushed");

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(dataDir));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(dataDir, "octolite.db")));
        Assert.Equal(Path.Combine(dataDir, "octolite.sock"), server.SocketPath);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(server.SocketPath));
    }
}
