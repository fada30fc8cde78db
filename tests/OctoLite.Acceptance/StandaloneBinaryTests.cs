using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>Air-gapped sites copy in one file: nothing beside it (e.g. libonigwrap.so) may be needed.</summary>
public sealed class StandaloneBinaryTests
{
    [BinaryFact]
    public async Task Binary_CopiedAloneToAnEmptyFolder_RunsAndServes()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var alone = new TempDirectory();
        using var data = new TempDirectory();
        var binary = alone.Combine("octolite");
        File.Copy(OctoLiteBinary.Path, binary);
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var version = (await OctoLiteProcess.RunAsync(["--version"], deadline.Token, binary: binary, workingDirectory: alone.Path)).ShouldExit(0);
        var original = (await OctoLiteProcess.RunAsync(["--version"], deadline.Token)).ShouldExit(0);
        Assert.Equal(original.StdOut, version.StdOut);

        await using (var server = await ServerFixture.StartAsync(data.Path, deadline.Token, binary: binary, workingDirectory: alone.Path))
        {
            Assert.Equal("Default Worker Pool", Assert.Single((await server.Cli.JsonAsync("pool", "list")).Items()).Str("Name"));
            await server.StopAsync();
        }

        Assert.Equal([binary], Directory.GetFileSystemEntries(alone.Path));
    }
}
