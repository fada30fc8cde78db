using System.Text.Json;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>The local <c>octolite tentacle</c> verbs, in an isolated config dir and data home, with no server anywhere.</summary>
public sealed class TentacleCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private EnvironmentVariables Environment() => new(name => name switch
    {
        "OCTOLITE_TENTACLE_CONFIG_DIR" => _temp.Combine("config"),
        "XDG_DATA_HOME" => _temp.Combine("data"),
        "HOME" => _temp.Path,
        // a server address that would fail loudly if any verb tried to reach a server
        "OCTOLITE_SERVER" => "http://127.0.0.1:1",
        _ => null,
    });

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CliProgram.RunAsync(args, Environment(), output, error, TestTimeout.Token());
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CreateInstance_MakesHomeConfigAndCertificate_InTheDefaultHome()
    {
        var (exitCode, output, error) = await RunAsync("tentacle", "create-instance", "--instance", "Web01", "-o", "json");

        Assert.True(exitCode == 0, error);
        var home = _temp.Combine(Path.Combine("data", "octolite-tentacle", "Web01"));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(home, json.RootElement.GetProperty("Home").GetString());
        Assert.Equal(10933, json.RootElement.GetProperty("ListenPort").GetInt32());
        Assert.Equal("0.0.0.0", json.RootElement.GetProperty("ListenAddress").GetString());
        Assert.True(SelfSignedCertificates.IsThumbprint(json.RootElement.GetProperty("Thumbprint").GetString()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "tentacle.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "tentacle.pfx")));
    }

    [Fact]
    public async Task CreateInstance_Twice_IsRefused()
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Web01");

        var (exitCode, _, error) = await RunAsync("tentacle", "create-instance", "--instance", "web01", "--home", _temp.Combine("other"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("other")));
    }

    [Fact]
    public async Task ListInstances_ShowsEveryInstanceWithItsHome()
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Tentacle");
        await RunAsync("tentacle", "create-instance", "--instance", "Second", "--home", _temp.Combine("second"));

        var (exitCode, output, _) = await RunAsync("tentacle", "list-instances");

        Assert.Equal(0, exitCode);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("NAME", lines[0].Split(' ')[0]);
        Assert.StartsWith("Tentacle", lines[1], StringComparison.Ordinal);
        Assert.Equal($"Second    {_temp.Combine("second")}", lines[2]);
    }

    [Fact]
    public async Task Configure_ChangesPortAddressAndTrust_ShownByShowConfiguration()
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Tentacle");
        var a = new string('a', 40);
        var b = new string('B', 40);

        var (exitCode, _, error) = await RunAsync("tentacle", "configure", "--port", "10950", "--listen-address", "127.0.0.1", "--trust", a, "--trust", b);
        Assert.True(exitCode == 0, error);
        (exitCode, _, error) = await RunAsync("tentacle", "configure", "--remove-trust", b);
        Assert.True(exitCode == 0, error);
        var (_, output, _) = await RunAsync("tentacle", "show-configuration", "-o", "json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(10950, json.RootElement.GetProperty("ListenPort").GetInt32());
        Assert.Equal("127.0.0.1", json.RootElement.GetProperty("ListenAddress").GetString());
        Assert.Equal([a.ToUpperInvariant()], json.RootElement.GetProperty("TrustedThumbprints").EnumerateArray().Select(e => e.GetString()));

        await RunAsync("tentacle", "configure", "--reset-trust", "--no-listen");
        (_, output, _) = await RunAsync("tentacle", "show-configuration");
        Assert.Contains("Trusted servers:", output, StringComparison.Ordinal);
        Assert.Contains("none", output, StringComparison.Ordinal);
        Assert.Contains("not listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trust", "abc", "must be 40 hexadecimal characters")]
    [InlineData("--remove-trust", "zz", "must be 40 hexadecimal characters")]
    [InlineData("--port", "70000", "--port must be between 1 and 65535")]
    [InlineData("--port", "0", "--port must be between 1 and 65535")]
    [InlineData("--listen-address", "example.com", "--listen-address must be an IP address")]
    public async Task Configure_BadValue_ExitsUsage_AndChangesNothing(string option, string value, string message)
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Tentacle");
        var file = Path.Combine(_temp.Combine(Path.Combine("data", "octolite-tentacle", "Tentacle")), "tentacle.json");
        var before = await File.ReadAllTextAsync(file);

        var (exitCode, _, error) = await RunAsync("tentacle", "configure", "--trust", new string('c', 40), option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task UnknownInstance_ExitsUsage_ListingTheKnownOnes()
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Web01");

        var (exitCode, _, error) = await RunAsync("tentacle", "show-thumbprint", "--instance", "Nope");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("no tentacle instance named 'Nope'", error, StringComparison.Ordinal);
        Assert.Contains("Web01", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowThumbprint_MatchesCreate_AndNewCertificateChangesIt()
    {
        var (_, created, _) = await RunAsync("tentacle", "create-instance", "--instance", "Web01", "-o", "json");
        var thumbprint = JsonDocument.Parse(created).RootElement.GetProperty("Thumbprint").GetString();

        var (_, shown, _) = await RunAsync("tentacle", "show-thumbprint", "--instance", "Web01");
        var (exitCode, renewed, _) = await RunAsync("tentacle", "new-certificate", "--instance", "Web01");
        var (_, shownAgain, _) = await RunAsync("tentacle", "show-thumbprint", "--instance", "Web01");

        Assert.Equal(0, exitCode);
        Assert.Equal(thumbprint, shown.Trim());
        Assert.NotEqual(thumbprint, renewed.Trim());
        Assert.Equal(renewed.Trim(), shownAgain.Trim());
    }

    [Fact]
    public async Task Verbs_WorkByHome_WithoutTheInstanceList()
    {
        await RunAsync("tentacle", "create-instance", "--instance", "Web01", "--home", _temp.Combine("h"));

        var (exitCode, output, error) = await RunAsync("tentacle", "show-configuration", "--home", _temp.Combine("h"), "-o", "json");

        Assert.True(exitCode == 0, error);
        Assert.Equal("Web01", JsonDocument.Parse(output).RootElement.GetProperty("Name").GetString());
    }
}
