using Microsoft.Extensions.DependencyInjection;
using OctoLite.Hosting;
using OctoLite.Server.Security;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Tests.Workers;

/// <summary>
/// A real server and a real listening tentacle agent on loopback, the tentacle registered in the pool "Remote" with
/// <c>worker register-listening</c>, and a project to run runbooks in.
/// </summary>
internal sealed class ListeningTentacle : IAsyncDisposable
{
    public const string Pool = "Remote";
    public const string WorkerName = "tentacle-1";

    private readonly TempDirectory _directory;

    private ListeningTentacle(TempDirectory directory, RunningServer server, TentacleAgent agent)
    {
        _directory = directory;
        Server = server;
        Agent = agent;
        Api = new TaskApi(server);
    }

    public RunningServer Server { get; }
    public TentacleAgent? Agent { get; private set; }
    public TaskApi Api { get; }
    public string ServerThumbprint => Server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;
    public TentacleTimeouts Timeouts => Server.Server.Services.GetRequiredService<TentacleTimeouts>();
    public string TentacleHome => _directory.Combine("tentacle");

    /// <summary>Starts both, registers the tentacle (pinning <paramref name="pinned"/> when given, else its real thumbprint).</summary>
    public static async Task<ListeningTentacle> StartAsync(bool trustServer = true, string? pinned = null, Func<Uri, Uri>? route = null)
    {
        var directory = new TempDirectory();
        var server = await RunningServer.StartAsync(directory);
        var thumbprint = server.Server.Services.GetRequiredService<ServerCertificate>().Thumbprint;
        var agent = await StartAgentAsync(directory.Combine("tentacle"), trustServer ? [thumbprint] : ["0000000000000000000000000000000000000000"]);
        var fixture = new ListeningTentacle(directory, server, agent);
        var shorter = fixture.Timeouts;
        shorter.LostContactLimit = TimeSpan.FromSeconds(10);
        shorter.CancelDrain = TimeSpan.FromSeconds(20);
        await fixture.Api.ProjectAsync();
        var pool = await server.Socket.PostAsync("api/workerpools", RunningServer.Json($$"""{"Name":"{{Pool}}"}"""));
        Assert.True(pool.IsSuccessStatusCode, await pool.Content.ReadAsStringAsync());
        var uri = route?.Invoke(agent.ListenUri!) ?? agent.ListenUri!;
        var (exitCode, output, error) = await server.CliAsync("worker", "register-listening", "--name", WorkerName, "--uri", uri.ToString(),
            "--thumbprint", pinned ?? agent.Thumbprint, "--pool", Pool, "--no-check");
        Assert.True(exitCode == 0, output + error);
        return fixture;
    }

    public static Task<TentacleAgent> StartAgentAsync(string home, IReadOnlyList<string> trusted, int port = 0) =>
        TentacleAgent.StartAsync(
            new TentacleInstanceConfig { Name = "test", HomeDirectory = home, ListenAddress = "127.0.0.1", ListenPort = port, TrustedThumbprints = trusted },
            new TentacleAgentOptions { LogFormat = LogFormat.None },
            TestTimeout.Token());

    /// <summary>A step of <paramref name="name"/> running <paramref name="script"/> in the Remote pool.</summary>
    public static System.Text.Json.Nodes.JsonObject Remote(string name, string script, string? timeout = null)
    {
        var step = TaskApi.Bash(name, script, timeout);
        step["WorkerPool"] = Pool;
        return step;
    }

    /// <summary>Stops the tentacle (it stays registered): the server then finds nothing at its address.</summary>
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
