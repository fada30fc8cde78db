using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OctoLite.Server.Health;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Health;

/// <summary>What the server does by itself: health checks on a policy's interval, and cleanup of workers unavailable for too long.</summary>
public sealed class ScheduledHealthTests
{
    private const string Worker = ListeningTentacle.WorkerName;

    [Fact]
    public async Task PolicyInterval_QueuesOneScheduledCheckAtATime_ThatChecksItsWorkers()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        var scheduler = Scheduler(fixture);
        // Not yet due: a never-checked worker counts from the server's start, an hour ago at the earliest.
        scheduler.Tick();
        Assert.Empty((await fixture.Server.GetJsonAsync("api/tasks"))["Items"]!.AsArray());
        await health.PolicyAsync("""{"HealthCheckInterval":"00:00:01","DiskSpaceWarningThresholdMb":0}""");
        await Task.Delay(1100);

        // Ticks while the first check is queued or running queue nothing more.
        scheduler.Tick();
        scheduler.Tick();
        var tasks = (await fixture.Server.GetJsonAsync("api/tasks"))["Items"]!.AsArray();
        var task = Assert.Single(tasks)!;
        Assert.Equal("Scheduled health check of 1 worker(s) under machine policy Default Machine Policy", task["Description"]!.GetValue<string>());
        Assert.Equal("system", task["QueuedBy"]!.GetValue<string>());
        Assert.Equal("MachinePolicies-1", task["HealthCheck"]!["MachinePolicyId"]!.GetValue<string>());
        var ended = await fixture.Api.WaitAsync(task["Id"]!.GetValue<string>());
        Assert.Equal("Success", ended["State"]!.GetValue<string>());
        Assert.Equal("Healthy", HealthApi.Status(await health.WorkerAsync(Worker)));

        // Due again a second after its check.
        await Task.Delay(1100);
        scheduler.Tick();
        Assert.Equal(2, (await fixture.Server.GetJsonAsync("api/tasks"))["Items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Cleanup_DeletesAWorkerUnavailableForLongerThanItsPolicyAllows_AndAuditsIt()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"ConnectionRetryCountLimit":1,"DeleteMachinesBehavior":"DeleteUnavailableMachines","DeleteMachinesElapsedTimeSpan":"00:00:01"}""");
        var id = (await health.WorkerAsync(Worker))["Id"]!.GetValue<string>();
        await fixture.StopAgentAsync();

        // The first check finds it Unavailable; it has not been so for a second yet.
        await health.CheckWorkerAsync(Worker);
        Assert.Equal("Unavailable", HealthApi.Status(await health.WorkerAsync(Worker)));
        await Task.Delay(1100);
        var task = await health.CheckAsync();
        var ended = await fixture.Api.WaitAsync(task["Id"]!.GetValue<string>());

        var texts = await fixture.Api.LogTextAsync(ended["Id"]!.GetValue<string>());
        Assert.Contains(texts, t => t.StartsWith($"Cleanup: Worker '{Worker}' deleted by machine policy 'Default Machine Policy': unavailable since", StringComparison.Ordinal));
        var gone = await fixture.Server.Socket.GetAsync($"api/workers/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        var audit = (await fixture.Server.GetJsonAsync($"api/events?document={id}"))["Items"]!.AsArray();
        Assert.Contains(audit, e => e!["Category"]!.GetValue<string>() == "Deleted" && e["Who"]!.GetValue<string>() == "system");
    }

    private static HealthScheduler Scheduler(ListeningTentacle fixture) =>
        fixture.Server.Server.Services.GetServices<IHostedService>().OfType<HealthScheduler>().Single();
}
