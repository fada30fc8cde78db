using Microsoft.Extensions.DependencyInjection;
using OctoLite.Hosting;
using OctoLite.Server;
using OctoLite.Server.Security;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Tentacle;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Tests.Workers;

/// <summary>
/// A real server with its polling endpoint on a free loopback port and a real polling tentacle agent, registered as
/// worker "poller-1" (TentacleActive, <c>poll://SUBSCRIPTION/</c>) in the pool "Remote", and a project to run
/// runbooks in. The agent may also listen, so one agent can be reached over both transports.
/// </summary>
internal sealed class PollingTentacle : IAsyncDisposable
{
    public const string Pool = ListeningTentacle.Pool;
    public const string WorkerName = "poller-1";
    public const string Subscription = "Sub0123456789abcdef";

    private readonly TempDirectory _directory;
    private int _agentPort;

    private PollingTentacle(TempDirectory directory, RunningServer server, string tentacleThumbprint)
    {
        _directory = directory;
        Server = server;
        TentacleThumbprint = tentacleThumbprint;
        Api = new TaskApi(server);
    }

    public RunningServer Server { get; }
    public TentacleAgent? Agent { get; private set; }
    public TaskApi Api { get; }
    public string TentacleThumbprint { get; }
    public CapturingLoggerProvider AgentLog { get; } = new();
    public string ServerThumbprint => Server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;
    public int PollingPort => Server.Server.Services.GetRequiredService<ServerIdentity>().PollingPort!.Value;
    public TentacleTimeouts Timeouts => Server.Server.Services.GetRequiredService<TentacleTimeouts>();
    public string TentacleHome => _directory.Combine("tentacle");

    /// <param name="trustServer">False to have the tentacle trust another server thumbprint only.</param>
    /// <param name="registeredThumbprint">The thumbprint registered for the worker; its real one when null.</param>
    /// <param name="listen">True to have the agent listen on a free loopback port as well.</param>
    /// <param name="route">Maps the server's polling port to the port the agent is to connect to (a fault proxy's).</param>
    /// <param name="startAgent">False to register the worker but start no agent (a tentacle the server has never heard from).</param>
    public static async Task<PollingTentacle> StartAsync(bool trustServer = true, string? registeredThumbprint = null, bool listen = false, Func<int, int>? route = null, bool startAgent = true)
    {
        var directory = new TempDirectory();
        var server = await RunningServer.StartAsync(directory, pollingPort: 0);
        // The certificate is made before the agent starts, so the worker is registered before the first poll.
        string thumbprint;
        using (var certificate = new TentacleHome(directory.Combine("tentacle")).LoadOrCreateCertificate("poller"))
        {
            thumbprint = certificate.Thumbprint;
        }

        var fixture = new PollingTentacle(directory, server, thumbprint);
        fixture._agentPort = route?.Invoke(fixture.PollingPort) ?? fixture.PollingPort;
        var shorter = fixture.Timeouts;
        shorter.LostContactLimit = TimeSpan.FromSeconds(10);
        shorter.CancelDrain = TimeSpan.FromSeconds(20);
        await fixture.Api.ProjectAsync();
        var pool = await server.Socket.PostAsync("api/workerpools", RunningServer.Json($$"""{"Name":"{{Pool}}"}"""));
        Assert.True(pool.IsSuccessStatusCode, await pool.Content.ReadAsStringAsync());
        var registration = new System.Text.Json.Nodes.JsonObject
        {
            ["Name"] = WorkerName,
            ["WorkerPoolIds"] = new System.Text.Json.Nodes.JsonArray(Pool),
            ["Endpoint"] = new System.Text.Json.Nodes.JsonObject
            {
                ["CommunicationStyle"] = "TentacleActive",
                ["Uri"] = $"poll://{Subscription}/",
                ["Thumbprint"] = registeredThumbprint ?? thumbprint,
            },
        };
        var worker = await server.Socket.PostAsync("api/workers", RunningServer.Json(registration.ToJsonString()));
        Assert.True(worker.IsSuccessStatusCode, await worker.Content.ReadAsStringAsync());
        if (startAgent)
        {
            await fixture.StartAgentAsync(trustServer ? fixture.ServerThumbprint : "0000000000000000000000000000000000000000", listen);
        }

        return fixture;
    }

    /// <summary>Starts the agent (again) on the same home directory.</summary>
    public async Task StartAgentAsync(string trustedServer, bool listen = false)
    {
        Agent = await TentacleAgent.StartAsync(
            new TentacleInstanceConfig
            {
                Name = "poller",
                HomeDirectory = TentacleHome,
                ListenAddress = "127.0.0.1",
                ListenPort = 0,
                NoListen = !listen,
                TrustedThumbprints = [trustedServer],
                CommsStyle = "TentacleActive",
                ServerCommsAddress = $"https://127.0.0.1:{_agentPort}/",
                SubscriptionId = Subscription,
            },
            new TentacleAgentOptions { LogFormat = LogFormat.None, LoggerProvider = AgentLog, PollingQuickRetry = TimeSpan.FromMilliseconds(200), PollingBackoffMin = TimeSpan.FromMilliseconds(500), PollingBackoffMax = TimeSpan.FromSeconds(2) },
            TestTimeout.Token());
    }

    /// <summary>Stops the tentacle (it stays registered): its calls then wait in the queue for a poll that never comes.</summary>
    public async Task StopAgentAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
            Agent = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAgentAsync();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
