using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tui;

public sealed class TuiLauncherTests
{
    [Fact]
    public async Task UnknownScreen_IsAUsageError_NamingTheScreens_BeforeAnythingStarts()
    {
        using var directory = new TempDirectory();
        var dataDir = directory.Combine("data");

        var (exitCode, _, error) = await RunningServer.Cli(["tui", "--screen", "nope", "--data-dir", dataDir]);

        Assert.Equal(2, exitCode);
        Assert.Contains("There is no screen called 'nope'", error);
        Assert.Contains("dashboard, pools, workers, tasks", error);
        Assert.False(Directory.Exists(dataDir), "a server was started for a command line that was refused");
    }

    [Fact]
    public async Task TuiVerb_WithNoServer_ExitsFive_AndStartsNone()
    {
        using var directory = new TempDirectory();
        var dataDir = directory.Combine("data");

        var (exitCode, _, error) = await RunningServer.Cli(["tui", "--data-dir", dataDir]);

        Assert.Equal(5, exitCode);
        Assert.Contains("octolite server run", error);
        Assert.False(File.Exists(Path.Combine(dataDir, "octolite.db")), "tui started a server");
    }
}
