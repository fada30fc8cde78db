using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

public sealed class EnvironmentOptionTests
{
    private static Func<string, string?> Env(string name, string value) => n => n == name ? value : null;

    [Fact]
    public async Task BadOutputVariable_DoesNotBreakHelp()
    {
        var (exitCode, output, error) = await RunningServer.Cli(["pool", "list", "--help"], Env("OCTOLITE_OUTPUT", "xml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("List worker pools", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task BadOutputVariable_FailsVerbsAsUsage_NamingTheVariable()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await RunningServer.Cli(["pool", "list", "--data-dir", temp.Path], Env("OCTOLITE_OUTPUT", "xml"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("OCTOLITE_OUTPUT", error);
    }

    [Fact]
    public async Task OutputOption_WinsOverVariable_AndIsCaseInsensitive()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, output, _) = await RunningServer.Cli(["pool", "list", "--data-dir", server.Paths.Directory, "-o", "TABLE"], Env("OCTOLITE_OUTPUT", "json"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("ORDER", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--listen", "nowhere")]
    [InlineData("--log-format", "xml")]
    [InlineData("--polling-port", "99999")]
    [InlineData("--polling-port", "ten")]
    public async Task ServerRun_BadOption_ExitsUsage_BeforeTouchingTheDataDir(string option, string value)
    {
        using var temp = new TempDirectory();
        var dataDir = temp.Combine("data");

        var (exitCode, _, error) = await RunningServer.Cli(["server", "run", "--data-dir", dataDir, option, value]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(option, error);
        Assert.False(Directory.Exists(dataDir));
    }

    [Fact]
    public async Task WorkerCreate_BuiltInKind_IsRefusedByTheCli()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await RunningServer.Cli(["worker", "create", "--name", "w", "--pool", "p", "--kind", "BuiltIn", "--data-dir", temp.Path]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("TentaclePassive", error);
    }
}
