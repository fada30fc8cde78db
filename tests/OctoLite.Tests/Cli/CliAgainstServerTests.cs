using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary>The real CLI code, parsing real command lines, against a real server over its Unix socket or TCP.</summary>
public sealed class CliAgainstServerTests
{
    [Fact]
    public async Task NoServer_ExitsUnreachable_SayingHowToStartOne()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await RunningServer.Cli(["pool", "list", "--data-dir", temp.Path]);

        Assert.Equal(ExitCodes.Unreachable, exitCode);
        Assert.Contains("octolite server run", error);
    }

    [Fact]
    public async Task PoolCreateAndList_Json_RoundTrips()
    {
        await using var server = await RunningServer.StartAsync();

        var created = await server.CliAsync("pool", "create", "--name", "Linux", "--description", "penguins", "-o", "json");
        var listed = await server.CliAsync("pool", "list", "-o", "json");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("WorkerPools-2", JsonNode.Parse(created.Out)!["Id"]!.GetValue<string>());
        var names = JsonNode.Parse(listed.Out)!.AsArray().Select(p => p!["Name"]!.GetValue<string>());
        Assert.Equal(["Default Worker Pool", "Linux"], names);
    }

    [Fact]
    public async Task MissingRequiredOption_ExitsUsage()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("pool", "create");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--name", error);
        Assert.Contains("octolite pool create --help", error);
    }

    [Fact]
    public async Task ServerRefusal_ExitsUsage_WithTheServersReasonAndField()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("worker", "create", "--name", "w", "--pool", "Default Worker Pool",
            "--kind", "TentaclePassive", "--uri", "https://w:10933", "--thumbprint", "nope");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Endpoint.Thumbprint", error);
    }

    [Fact]
    public async Task UnknownConfigKey_ExitsUsage_EvenWithoutServer()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await RunningServer.Cli(["config", "set", "tasks.max", "3", "--data-dir", temp.Path]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("taskCap", error);
    }

    [Theory]
    [InlineData("taskCap", "0")]
    [InlineData("taskCap", "ten")]
    [InlineData("builtInWorker.enabled", "maybe")]
    [InlineData("workerLeaseTimeout", "10")]
    [InlineData("workerLeaseTimeout", "2.00:00:00")]
    public async Task BadConfigValue_ExitsUsage_AndChangesNothing(string key, string value)
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, _) = await server.CliAsync("config", "set", key, value);
        var (_, configuration, _) = await server.CliAsync("config", "get", "-o", "json");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(5, JsonNode.Parse(configuration)!["TaskCap"]!.GetValue<int>());
        Assert.True(JsonNode.Parse(configuration)!["BuiltInWorkerEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConfigSetThenGetOneKey()
    {
        await using var server = await RunningServer.StartAsync();

        var set = await server.CliAsync("config", "set", "builtInWorker.enabled", "false");
        var get = await server.CliAsync("config", "get", "builtInWorker.enabled");
        var json = await server.CliAsync("config", "get", "taskCap", "-o", "json");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal("false", get.Out.Trim());
        Assert.Equal(5, JsonNode.Parse(json.Out)!["taskCap"]!.GetValue<int>());
    }

    [Fact]
    public async Task Remote_NeedsAValidKey()
    {
        await using var server = await RunningServer.StartAsync();
        var url = server.TcpUrl.ToString();
        var created = await server.CliAsync("apikey", "create", "--name", "ci", "-o", "json");
        var key = JsonNode.Parse(created.Out)!["ApiKey"]!.GetValue<string>();

        var noKey = await RunningServer.Cli(["pool", "list", "--server", url]);
        var wrongKey = await RunningServer.Cli(["pool", "list", "--server", url, "--api-key", "API-WRONG"]);
        var goodKey = await RunningServer.Cli(["pool", "list", "--server", url, "--api-key", key]);
        var fromEnvironment = await RunningServer.Cli(["pool", "list"], name => name switch
        {
            "OCTOLITE_SERVER" => url,
            "OCTOLITE_API_KEY" => key,
            _ => null,
        });

        Assert.Equal(ExitCodes.Auth, noKey.ExitCode);
        Assert.Equal(ExitCodes.Auth, wrongKey.ExitCode);
        Assert.Equal(0, goodKey.ExitCode);
        Assert.Contains("Default Worker Pool", goodKey.Out);
        Assert.Equal(0, fromEnvironment.ExitCode);
    }

    [Fact]
    public async Task DataDirAndOutput_ComeFromEnvironment()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, output, _) = await RunningServer.Cli(["pool", "show", "WorkerPools-1"], name => name switch
        {
            "OCTOLITE_DATA_DIR" => server.Paths.Directory,
            "OCTOLITE_OUTPUT" => "json",
            _ => null,
        });

        Assert.Equal(0, exitCode);
        Assert.True(JsonNode.Parse(output)!["IsDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task WorkerUpdate_EndpointOption_KeepsTheRestOfTheEndpoint()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("worker", "create", "--name", "s1", "--pool", "Default Worker Pool", "--kind", "Ssh", "--host", "10.0.0.5", "--username", "deploy", "--port", "2222");

        var (exitCode, output, error) = await server.CliAsync("worker", "update", "s1", "--host", "10.0.0.6", "-o", "json");

        Assert.True(exitCode == 0, error);
        var endpoint = JsonNode.Parse(output)!["Endpoint"]!;
        Assert.Equal("10.0.0.6", endpoint["Host"]!.GetValue<string>());
        Assert.Equal(2222, endpoint["Port"]!.GetValue<int>());
        Assert.Equal("deploy", endpoint["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task WorkerDisableEnable_ByIdAndName()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("worker", "create", "--name", "s1", "--pool", "Default Worker Pool", "--kind", "Ssh", "--host", "h", "--username", "u");

        var disabled = await server.CliAsync("worker", "disable", "Workers-1", "-o", "json");
        var enabled = await server.CliAsync("worker", "enable", "s1", "-o", "json");

        Assert.True(JsonNode.Parse(disabled.Out)!["IsDisabled"]!.GetValue<bool>());
        Assert.False(JsonNode.Parse(enabled.Out)!["IsDisabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpdateWithNothingToChange_ExitsUsage_WithoutCallingTheServer()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await RunningServer.Cli(["pool", "update", "Linux", "--data-dir", temp.Path]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Nothing to change", error);
    }

    [Fact]
    public async Task PoolReorder_ByNames()
    {
        await using var server = await RunningServer.StartAsync();
        await server.CliAsync("pool", "create", "--name", "A");
        await server.CliAsync("pool", "create", "--name", "B");

        var (exitCode, output, _) = await server.CliAsync("pool", "reorder", "B", "A", "-o", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(["B", "A", "Default Worker Pool"], JsonNode.Parse(output)!.AsArray().Select(p => p!["Name"]!.GetValue<string>()));
    }
}
