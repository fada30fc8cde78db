using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Server;
using OctoLite.Server.Security;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Tests.Tentacle;

/// <summary>
/// <c>tentacle register-worker</c> and <c>deregister-worker</c>, run as the CLI against a real server (its polling
/// endpoint on a free port) over TCP with an API key, on a tentacle instance in a temp home.
/// </summary>
public sealed class TentacleRegistrationTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private RunningServer _server = null!;
    private string _key = "";

    private string Home => _temp.Combine("tentacle");
    private string ConfigFile => Path.Combine(Home, "tentacle.json");
    private string Url => _server.TcpUrl.ToString();
    private string ServerThumbprint => _server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;
    private ServerIdentity Identity => _server.Server.Services.GetRequiredService<ServerIdentity>();

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(pollingPort: 0);
        var created = await _server.CliAsync("apikey", "create", "--name", "tentacle", "-o", "json");
        _key = JsonNode.Parse(created.Out)!["ApiKey"]!.GetValue<string>();
        var (exitCode, _, error) = await RunAsync("tentacle", "create-instance", "--instance", "Web01", "--home", Home);
        Assert.True(exitCode == 0, error);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task RegisterWorker_Listening_CreatesTheWorker_AndTrustsTheServer_KeepingOtherTrust()
    {
        await _server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));
        var other = new string('A', 40);
        await RunAsync("tentacle", "configure", "--home", Home, "--port", "10950", "--trust", other);

        var (exitCode, output, error) = await RegisterAsync("--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool,Linux");

        Assert.True(exitCode == 0, error);
        Assert.Contains("web01", output, StringComparison.Ordinal);
        var worker = await _server.GetJsonAsync("api/workers/web01");
        Assert.Equal("TentaclePassive", worker["Endpoint"]!["CommunicationStyle"]!.GetValue<string>());
        Assert.Equal("https://127.0.0.1:10950/", worker["Endpoint"]!["Uri"]!.GetValue<string>());
        Assert.Equal(await ThumbprintAsync(), worker["Endpoint"]!["Thumbprint"]!.GetValue<string>());
        Assert.Equal(await PoolIdsAsync("Default Worker Pool", "Linux"), worker["WorkerPoolIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        var config = Config();
        Assert.Equal([other, ServerThumbprint], config.TrustedThumbprints);
        Assert.Equal(Url, config.ServerUrl);
        Assert.Equal("TentaclePassive", config.CommsStyle);
        Assert.False(config.NoListen);
        Assert.Equal("", config.ServerCommsAddress);
    }

    [Fact]
    public async Task RegisterWorker_Listening_TheServerCanThenCallTheRunningAgent()
    {
        // Port 0 picks a free one. The agent starts trusting nobody and picks up the registration's trust live.
        await using var agent = await TentacleAgent.StartAsync(Config() with { ListenPort = 0, ListenAddress = "127.0.0.1" }, new TentacleAgentOptions { LogFormat = LogFormat.None }, TestTimeout.Token());

        var (exitCode, _, error) = await RegisterAsync("--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool",
            "--tentacle-comms-port", agent.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var connection = await _server.GetJsonAsync("api/workers/web01/connection");

        Assert.True(exitCode == 0, error);
        Assert.True(connection["Reachable"]!.GetValue<bool>(), connection.ToJsonString());
    }

    [Fact]
    public async Task RegisterWorker_Polling_RecordsPollUriNoListenAndTheServersPollingPort()
    {
        var (exitCode, _, error) = await RegisterAsync("--comms-style", "tentacleactive", "--workerpool", "Default Worker Pool");

        Assert.True(exitCode == 0, error);
        var config = Config();
        Assert.Matches("^[a-z0-9]{20}$", config.SubscriptionId);
        var worker = await _server.GetJsonAsync("api/workers/web01");
        Assert.Equal("TentacleActive", worker["Endpoint"]!["CommunicationStyle"]!.GetValue<string>());
        Assert.Equal($"poll://{config.SubscriptionId}/", worker["Endpoint"]!["Uri"]!.GetValue<string>());
        Assert.Equal(await ThumbprintAsync(), worker["Endpoint"]!["Thumbprint"]!.GetValue<string>());
        Assert.True(config.NoListen);
        Assert.Equal("TentacleActive", config.CommsStyle);
        Assert.Equal($"https://127.0.0.1:{Identity.PollingPort}/", config.ServerCommsAddress);
        Assert.Equal([ServerThumbprint], config.TrustedThumbprints);
    }

    [Fact]
    public async Task RegisterWorker_Polling_ServerWithoutPollingEndpoint_IsRefusedUnlessAPortIsGiven()
    {
        // As a server started with --polling-port none reports it.
        Identity.PollingPort = null;
        var before = await File.ReadAllTextAsync(ConfigFile);

        var refused = await RegisterAsync("--comms-style", "TentacleActive", "--workerpool", "Default Worker Pool");
        var unchanged = await File.ReadAllTextAsync(ConfigFile);
        var workers = await WorkersAsync();
        var given = await RegisterAsync("--comms-style", "TentacleActive", "--workerpool", "Default Worker Pool", "--server-comms-port", "11000");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("opens no polling endpoint", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--server-comms-port", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.Empty(workers);
        Assert.True(given.ExitCode == 0, given.Error);
        Assert.Equal("https://127.0.0.1:11000/", Config().ServerCommsAddress);
    }

    [Fact]
    public async Task RegisterWorker_Polling_TheAgentStartedFromTheSavedSettingsAnswersTheServer()
    {
        var (exitCode, _, error) = await RegisterAsync("--comms-style", "TentacleActive", "--workerpool", "Default Worker Pool");
        Assert.True(exitCode == 0, error);
        var config = Config();
        await using var agent = await TentacleAgent.StartAsync(config, new TentacleAgentOptions { LogFormat = LogFormat.None }, TestTimeout.Token());

        var client = _server.Server.Services.GetRequiredService<TentacleClients>().ForPolling(config.SubscriptionId, agent.Thumbprint, TimeSpan.FromSeconds(20));
        var capabilities = await client.CapabilitiesAsync(TestTimeout.Token());

        Assert.Equal(0, agent.Port);
        Assert.Equal(OctoLite.Tentacle.Protocol.TentacleProtocol.Version, capabilities.ProtocolVersion);
    }

    [Fact]
    public async Task RegisterWorker_Again_WithoutForce_IsRefused_AndChangesNothing()
    {
        await RegisterAsync("--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool");
        var before = await File.ReadAllTextAsync(ConfigFile);
        var worker = (await _server.GetJsonAsync("api/workers/web01")).ToJsonString();

        var sameTentacle = await RunAsync("tentacle", "register-worker", "--home", Home, "--server", Url, "--api-key", _key,
            "--name", "renamed", "--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool", "--public-hostname", "127.0.0.1");
        await RunAsync("tentacle", "create-instance", "--instance", "Web02", "--home", _temp.Combine("second"));
        var sameName = await RunAsync("tentacle", "register-worker", "--home", _temp.Combine("second"), "--server", Url, "--api-key", _key,
            "--name", "WEB01", "--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool", "--public-hostname", "127.0.0.1");

        Assert.Equal(ExitCodes.Usage, sameTentacle.ExitCode);
        Assert.Contains("worker 'web01' (Workers-1) has this tentacle's thumbprint", sameTentacle.Error, StringComparison.Ordinal);
        Assert.Contains("--force", sameTentacle.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, sameName.ExitCode);
        Assert.Contains("worker 'web01' (Workers-1) has the name 'WEB01'", sameName.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigFile));
        Assert.Equal(worker, (await _server.GetJsonAsync("api/workers/web01")).ToJsonString());
        Assert.Single(await WorkersAsync());
    }

    [Fact]
    public async Task RegisterWorker_Again_WithForce_UpdatesTheSameWorker()
    {
        await _server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));
        await RegisterAsync("--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool");
        var id = (await _server.GetJsonAsync("api/workers/web01"))["Id"]!.GetValue<string>();

        var (exitCode, _, error) = await RegisterAsync("--comms-style", "TentacleActive", "--workerpool", "Linux", "--force");

        Assert.True(exitCode == 0, error);
        Assert.Contains("was updated", error, StringComparison.Ordinal);
        var workers = await WorkersAsync();
        var worker = Assert.Single(workers)!;
        Assert.Equal(id, worker["Id"]!.GetValue<string>());
        Assert.Equal("TentacleActive", worker["Endpoint"]!["CommunicationStyle"]!.GetValue<string>());
        Assert.Equal($"poll://{Config().SubscriptionId}/", worker["Endpoint"]!["Uri"]!.GetValue<string>());
        Assert.Equal(await PoolIdsAsync("Linux"), worker["WorkerPoolIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(Config().NoListen);
    }

    [Fact]
    public async Task RegisterWorker_WrongApiKey_ExitsAuth_AndChangesNothing()
    {
        var before = await File.ReadAllTextAsync(ConfigFile);

        var (exitCode, _, error) = await RunAsync("tentacle", "register-worker", "--home", Home, "--server", Url, "--api-key", "API-WRONG",
            "--name", "web01", "--comms-style", "TentaclePassive", "--workerpool", "Default Worker Pool", "--public-hostname", "127.0.0.1");

        Assert.Equal(ExitCodes.Auth, exitCode);
        Assert.Contains("The API key is not valid", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigFile));
        Assert.Empty(await WorkersAsync());
    }

    [Theory]
    [InlineData("--comms-style", "Ssh", "--comms-style must be TentaclePassive")]
    [InlineData("--workerpool", "Nope", "There is no worker pool with id or name 'Nope'")]
    [InlineData("--tentacle-comms-port", "70000", "--tentacle-comms-port must be between 1 and 65535")]
    [InlineData("--public-hostname", "not a host", "--public-hostname must be a host name")]
    [InlineData("--server", "ftp://example", "--server must be an http:// or https:// URL")]
    [InlineData("--server", "", "needs --server URL")]
    public async Task RegisterWorker_BadInput_ExitsUsage_NamingIt_AndChangesNothing(string option, string value, string message)
    {
        var before = await File.ReadAllTextAsync(ConfigFile);
        var args = new Dictionary<string, string>
        {
            ["--server"] = Url,
            ["--api-key"] = _key,
            ["--name"] = "web01",
            ["--comms-style"] = "TentaclePassive",
            ["--workerpool"] = "Default Worker Pool",
            ["--public-hostname"] = "127.0.0.1",
            [option] = value,
        };

        var (exitCode, _, error) = await RunAsync(["tentacle", "register-worker", "--home", Home, .. args.Where(a => a.Value.Length > 0).SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigFile));
        Assert.Empty(await WorkersAsync());
    }

    [Fact]
    public async Task DeregisterWorker_DeletesTheWorker_AndForgetsTheServer_KeepingTrust()
    {
        await RegisterAsync("--comms-style", "TentacleActive", "--workerpool", "Default Worker Pool");

        var (exitCode, output, error) = await RunAsync("tentacle", "deregister-worker", "--home", Home, "--server", Url, "--api-key", _key);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Deleted worker 'web01' (Workers-1).", output, StringComparison.Ordinal);
        Assert.Empty(await WorkersAsync());
        var config = Config();
        Assert.Equal("", config.ServerUrl);
        Assert.Equal("", config.ServerCommsAddress);
        Assert.Equal("", config.SubscriptionId);
        Assert.Equal([ServerThumbprint], config.TrustedThumbprints);
    }

    [Fact]
    public async Task DeregisterWorker_NotRegistered_Fails_AndChangesNothing()
    {
        await _server.Socket.PostAsync("api/workers", RunningServer.Json(
            """{"Name":"someone-else","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"TentaclePassive","Uri":"https://other:10933/","Thumbprint":"0123456789ABCDEF0123456789ABCDEF01234567"}}"""));
        var before = await File.ReadAllTextAsync(ConfigFile);

        var (exitCode, _, error) = await RunAsync("tentacle", "deregister-worker", "--home", Home, "--server", Url, "--api-key", _key);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("No worker on", error, StringComparison.Ordinal);
        Assert.Contains("nothing was removed", error, StringComparison.Ordinal);
        Assert.Single(await WorkersAsync());
        Assert.Equal(before, await File.ReadAllTextAsync(ConfigFile));
    }

    private Task<(int ExitCode, string Output, string Error)> RegisterAsync(params string[] args) =>
        RunAsync(["tentacle", "register-worker", "--home", Home, "--server", Url, "--api-key", _key, "--name", "web01", "--public-hostname", "127.0.0.1", .. args]);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new EnvironmentVariables(name => name switch
        {
            "OCTOLITE_TENTACLE_CONFIG_DIR" => _temp.Combine("config"),
            "XDG_DATA_HOME" => _temp.Combine("data"),
            "HOME" => _temp.Path,
            _ => null,
        });
        var exitCode = await CliProgram.RunAsync(args, environment, output, error, TestTimeout.Token());
        return (exitCode, output.ToString(), error.ToString());
    }

    private TentacleInstanceConfig Config() => TentacleConfigFile.Load(new TentacleHome(Home));

    private async Task<string> ThumbprintAsync() => (await RunAsync("tentacle", "show-thumbprint", "--home", Home)).Output.Trim();

    private async Task<JsonArray> WorkersAsync() => (await _server.GetJsonAsync("api/workers"))["Items"]!.AsArray();

    private async Task<IEnumerable<string>> PoolIdsAsync(params string[] names)
    {
        var pools = JsonNode.Parse(await _server.Socket.GetStringAsync("api/workerpools/all"))!.AsArray();
        return names.Select(n => pools.First(p => p!["Name"]!.GetValue<string>() == n)!["Id"]!.GetValue<string>()).ToList();
    }
}
