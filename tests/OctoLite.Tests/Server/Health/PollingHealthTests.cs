using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OctoLite.Server.Health;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Health;

/// <summary>Health of a real polling tentacle: checked through its poll queue, and watched between checks by its polls.</summary>
public sealed class PollingHealthTests
{
    private const string Worker = PollingTentacle.WorkerName;

    [Fact]
    public async Task HealthCheck_OfAPollingWorker_GoesThroughItsPolls()
    {
        await using var fixture = await PollingTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":0,"HealthCheckScript":"echo polled"}""");

        var task = await health.CheckWorkerAsync(Worker);

        var texts = await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>());
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join("\n", texts));
        Assert.Contains("polled", texts);
        Assert.Contains(texts, t => t.StartsWith($"Contacting a polling tentacle (poll://{PollingTentacle.Subscription}/)", StringComparison.Ordinal));
        Assert.Equal("Healthy", HealthApi.Status(await health.WorkerAsync(Worker)));
    }

    [Fact]
    public async Task PollingWorker_SilentForLongerThanItsPolicyAllows_BecomesUnavailable_AndIsCheckedAgainWhenItPollsAgain()
    {
        await using var fixture = await PollingTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        var liveness = fixture.Server.Server.Services.GetServices<IHostedService>().OfType<PollingLiveness>().Single();
        await health.PolicyAsync("""{"PollingRequestQueueTimeout":"00:00:02","DiskSpaceWarningThresholdMb":0}""");
        // Heard from: LastSeen is stored (the first time at once, later at most once a minute).
        await WaitUntilAsync(async () => { liveness.Tick(); return (await health.WorkerAsync(Worker))["LastSeen"] is not null; }, "LastSeen never stored");
        Assert.Equal("Unknown", HealthApi.Status(await health.WorkerAsync(Worker)));

        await fixture.StopAgentAsync();
        var silent = await health.UntilStatusAsync(Worker, "Unavailable", liveness.Tick);

        Assert.StartsWith("No poll from the tentacle for longer than machine policy 'Default Machine Policy' allows (00:00:02)", silent["StatusSummary"]!.GetValue<string>());
        var entry = Assert.Single(await health.HistoryAsync(Worker));
        Assert.Equal(("Unavailable", ""), (entry["HealthStatus"]!.GetValue<string>(), entry["TaskId"]!.GetValue<string>()));

        await fixture.StartAgentAsync(fixture.ServerThumbprint);
        var back = await health.UntilStatusAsync(Worker, "Healthy", liveness.Tick, seconds: 30);

        Assert.Null(back["UnavailableSince"]);
        var tasks = (await fixture.Server.GetJsonAsync("api/tasks"))["Items"]!.AsArray();
        Assert.Contains(tasks, t => t!["Description"]!.GetValue<string>() == $"Check health of worker {Worker} (it is polling again)");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
