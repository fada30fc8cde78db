using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>Caps Octopus lacks: at most N tasks lease a worker, or a pool's workers, at once.</summary>
public sealed class LeaseCapTests
{
    [Fact]
    public async Task WorkerCap_OfOne_RunsTasksOnThatWorkerOneAtATime()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var fixture = await ListeningTentacle.StartAsync();
        var (exitCode, output, error) = await fixture.Server.CliAsync("worker", "update", ListeningTentacle.WorkerName, "--max-concurrent-leases", "1", "-o", "json");
        Assert.True(exitCode == 0, error);
        Assert.Equal(1, JsonNode.Parse(output)!["MaxConcurrentLeases"]!.GetValue<int>());
        await fixture.Api.RunbookAsync("Capped", ListeningTentacle.Remote("Work", timeline.Script(0.5)));

        var first = await fixture.Api.RunAsync("Capped");
        var second = await fixture.Api.RunAsync("Capped");
        await fixture.Api.WaitAsync(first, 30);
        await fixture.Api.WaitAsync(second, 30);

        Assert.Empty(Timeline.Overlaps(timeline.Runs()));
        var waited = (await fixture.Api.LogTextAsync(first)).Concat(await fixture.Api.LogTextAsync(second));
        Assert.Contains("Waiting for a worker (up to 00:10:00 in all): pool Remote: 1 worker, 1 at its cap of 1 concurrent lease(s).", waited);
    }

    [Fact]
    public async Task PoolCap_OfOne_RunsOneTaskAtATime_EvenWithTwoWorkers()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var fixture = await TwoTentacles.StartAsync();
        var (exitCode, output, error) = await fixture.Server.CliAsync("pool", "update", ListeningTentacle.Pool, "--max-concurrent-leases", "1");
        Assert.True(exitCode == 0, error);
        Assert.Contains("Max concurrent leases", output);
        await fixture.Api.RunbookAsync("Capped", ListeningTentacle.Remote("Work", timeline.Script(0.5)));

        var ids = new[] { await fixture.Api.RunAsync("Capped"), await fixture.Api.RunAsync("Capped"), await fixture.Api.RunAsync("Capped") };
        foreach (var id in ids)
        {
            Assert.Equal("Success", (await fixture.Api.WaitAsync(id, 30))["State"]!.GetValue<string>());
        }

        Assert.Empty(Timeline.Overlaps(timeline.Runs()));
        var logs = (await Task.WhenAll(ids.Select(fixture.Api.LogTextAsync))).SelectMany(l => l);
        Assert.Contains(logs, l => l.StartsWith("Waiting for a worker (up to 00:10:00 in all): pool Remote: at its cap of 1 concurrent lease(s), held by ServerTasks-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caps_RemovedWithZero_AndBadValuesRefusedNamingTheField()
    {
        await using var server = await RunningServer.StartAsync();
        var created = await server.CliAsync("pool", "create", "--name", "Capped", "--max-concurrent-leases", "3", "-o", "json");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal(3, JsonNode.Parse(created.Out)!["MaxConcurrentLeases"]!.GetValue<int>());

        var cleared = await server.CliAsync("pool", "update", "Capped", "--max-concurrent-leases", "0", "-o", "json");
        var tooBig = await server.Socket.PutAsync("api/workerpools/Capped", RunningServer.Json("""{"MaxConcurrentLeases":0}"""));
        var negative = await server.CliAsync("pool", "update", "Capped", "--max-concurrent-leases", "-1");

        Assert.True(cleared.ExitCode == 0, cleared.Error);
        Assert.Null(JsonNode.Parse(cleared.Out)!["MaxConcurrentLeases"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("MaxConcurrentLeases must be from 1 to 10000", await tooBig.Content.ReadAsStringAsync());
        Assert.Equal(2, negative.ExitCode);
    }
}
