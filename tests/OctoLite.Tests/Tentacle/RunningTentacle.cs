using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Hosting;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>
/// A real agent on 127.0.0.1, port 0, in a temp home, trusting one "server" certificate; plus clients that
/// present that certificate (trusted) or another one (not trusted), pinning the agent's thumbprint.
/// </summary>
internal sealed class RunningTentacle : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly List<HttpClient> _clients = [];

    private RunningTentacle(TempDirectory temp, TentacleInstanceConfig config, X509Certificate2 server, TentacleAgent agent, CapturingLoggerProvider logs)
    {
        _temp = temp;
        Config = config;
        ServerCertificate = server;
        Agent = agent;
        Logs = logs;
    }

    public TentacleInstanceConfig Config { get; }
    public X509Certificate2 ServerCertificate { get; }
    public TentacleAgent Agent { get; private set; }
    public CapturingLoggerProvider Logs { get; }
    public string Home => Config.HomeDirectory;

    public static async Task<RunningTentacle> StartAsync(CancellationToken cancellationToken, TimeSpan? retention = null)
    {
        var temp = new TempDirectory();
        var server = SelfSignedCertificates.Create("Octopus Server test");
        var config = new TentacleInstanceConfig
        {
            Name = "Test",
            HomeDirectory = temp.Combine("home"),
            ListenAddress = "127.0.0.1",
            ListenPort = 0,
            TrustedThumbprints = [server.Thumbprint],
            WorkspaceRetention = retention ?? TentacleInstanceConfig.DefaultWorkspaceRetention,
        };
        var logs = new CapturingLoggerProvider();
        var agent = await TentacleAgent.StartAsync(config, Options(logs), cancellationToken);
        return new RunningTentacle(temp, config, server, agent, logs);
    }

    public static TentacleAgentOptions Options(CapturingLoggerProvider logs) => new()
    {
        LogFormat = LogFormat.None,
        LoggerProvider = logs,
        TerminationGrace = TimeSpan.FromSeconds(2),
    };

    /// <summary>Stops the agent and starts a new one on the same home (a new port).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await Agent.DisposeAsync();
        Agent = await TentacleAgent.StartAsync(Config, Options(Logs), cancellationToken);
    }

    /// <summary>A client presenting the trusted certificate (or <paramref name="certificate"/>), speaking <paramref name="version"/>.</summary>
    public TentacleTestClient Client(X509Certificate2? certificate = null, string? version = "1")
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate ?? ServerCertificate],
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == Agent.Thumbprint,
            },
        };
        var http = new HttpClient(handler) { BaseAddress = Agent.ListenUri, Timeout = TimeSpan.FromSeconds(30) };
        if (version is not null)
        {
            http.DefaultRequestHeaders.Add(OctoLite.Tentacle.Protocol.TentacleProtocol.VersionHeader, version);
        }

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _clients.Add(http);
        return new TentacleTestClient(http);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Agent.DisposeAsync();
        ServerCertificate.Dispose();
        _temp.Dispose();
    }
}
