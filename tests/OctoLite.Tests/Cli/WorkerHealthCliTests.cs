using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Cli;

/// <summary><c>worker health-check</c>, <c>worker show</c>'s health and the policy options for health, against a real server and tentacle.</summary>
public sealed class WorkerHealthCliTests
{
    [Fact]
    public async Task HealthCheck_Wait_ExitsWithTheOutcome_AndShowPrintsHealthAndHistory()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var server = fixture.Server;
        var policy = await server.CliAsync("policy", "update", "Default Machine Policy", "--disk-space-warning", "0", "--health-check-syntax", "Bash",
            "--health-check-script", "echo checked", "--connectivity", "ExpectedToBeOnline", "-o", "json");
        Assert.True(policy.ExitCode == 0, policy.Error);
        Assert.Equal(0, JsonNode.Parse(policy.Out)!["DiskSpaceWarningThresholdMb"]!.GetValue<int>());

        var healthy = await server.CliAsync("worker", "health-check", ListeningTentacle.WorkerName, "--wait");
        var show = await server.CliAsync("worker", "show", ListeningTentacle.WorkerName);
        await server.CliAsync("policy", "update", "Default Machine Policy", "--health-check-script", "exit 3");
        var failing = await server.CliAsync("worker", "health-check", "--pool", ListeningTentacle.Pool, "--follow");

        Assert.True(healthy.ExitCode == ExitCodes.Ok, healthy.Error);
        Assert.Matches(@"State:\s+Success", healthy.Out);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Matches(@"Health:\s+Healthy", show.Out);
        Assert.Matches(@"Last health check:\s+\d{4}-", show.Out);
        Assert.Matches(@"Shells:\s+.*Bash", show.Out);
        Assert.Contains("Health history (newest first):", show.Out);
        Assert.Matches(@"Healthy\s+ServerTasks-1\s+Healthy: the health script succeeded", show.Out);
        Assert.Equal(ExitCodes.Failed, failing.ExitCode);
        Assert.Contains("Unhealthy: The health script failed with exit code 3", failing.Out);
    }

    [Fact]
    public async Task HealthCheck_OfAWorkerAndAPool_IsAUsageError()
    {
        await using var server = await RunningServer.StartAsync();

        var both = await server.CliAsync("worker", "health-check", "w", "--pool", "Default Worker Pool");
        var queued = await server.CliAsync("worker", "health-check", "-o", "json");

        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("not both", both.Error);
        Assert.True(queued.ExitCode == 0, queued.Error);
        Assert.Equal("Health", JsonNode.Parse(queued.Out)!["Name"]!.GetValue<string>());
    }
}
