using Microsoft.Extensions.DependencyInjection;
using OctoLite.Domain;
using OctoLite.Storage;
using OctoLite.Tentacle.Agent;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>
/// A real server with two real listening tentacle agents, "tentacle-1" and "tentacle-2", registered in the pool
/// "Remote" (<see cref="ListeningTentacle"/> plus a second agent), and the project "Ops".
/// </summary>
internal sealed class TwoTentacles : IAsyncDisposable
{
    public const string Second = "tentacle-2";

    private TwoTentacles(ListeningTentacle first, TentacleAgent second)
    {
        First = first;
        SecondAgent = second;
    }

    public ListeningTentacle First { get; }
    public TentacleAgent SecondAgent { get; }
    public RunningServer Server => First.Server;
    public TaskApi Api => First.Api;

    public static async Task<TwoTentacles> StartAsync()
    {
        var first = await ListeningTentacle.StartAsync();
        var second = await ListeningTentacle.StartAgentAsync(first.TentacleHome + "-2", [first.ServerThumbprint]);
        var (exitCode, output, error) = await first.Server.CliAsync("worker", "register-listening", "--name", Second, "--uri", second.ListenUri!.ToString(),
            "--thumbprint", second.Thumbprint, "--pool", ListeningTentacle.Pool, "--no-check");
        Assert.True(exitCode == 0, output + error);
        return new TwoTentacles(first, second);
    }

    /// <summary>Sets a worker's health as a health check would (clients cannot).</summary>
    public void SetHealth(string workerName, HealthStatus status) => SetHealth(Server, workerName, status);

    public static void SetHealth(RunningServer server, string workerName, HealthStatus status) =>
        server.Server.Services.GetRequiredService<OctoStore>().Write(s =>
        {
            var worker = s.Workers.All().Single(w => w.Name == workerName);
            s.Workers.Update(worker with { HealthStatus = status });
            return true;
        });

    /// <summary>The worker each step of the task ran on.</summary>
    public static List<string> Workers(System.Text.Json.Nodes.JsonNode task) =>
        task["Steps"]!.AsArray().Select(s => s!["Worker"]!.GetValue<string>()).ToList();

    public async ValueTask DisposeAsync()
    {
        await SecondAgent.DisposeAsync();
        await First.DisposeAsync();
    }
}
