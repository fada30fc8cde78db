using Microsoft.Extensions.DependencyInjection;
using OctoLite.Domain;
using OctoLite.Server.Health;
using OctoLite.Tests.Server.Leases;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Health;

/// <summary>Health tasks run in slots of their own, beside the task cap: a check can start whatever holds the cap's slots.</summary>
public sealed class HealthSlotTests
{
    private const string Worker = ListeningTentacle.WorkerName;

    /// <summary>
    /// Regression (issue 6): tasks waiting for a worker held every task-cap slot, so the health check that would
    /// bring that worker back stayed queued behind them until their lease timeout.
    /// </summary>
    [Fact]
    public async Task HealthCheck_StartsWhileTasksWaitingForWorkersHoldEveryTaskCapSlot_AndBringsTheirWorkerBack()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await fixture.Api.SetConfigurationAsync("""{"TaskCap":1}""");
        TwoTentacles.SetHealth(fixture.Server, Worker, HealthStatus.Unavailable);
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo worked"));
        var waiting = await fixture.Api.RunAsync("Work");
        await WaitForLineAsync(fixture, waiting, "Waiting for a worker (up to 00:10:00 in all): pool Remote: 1 worker, 1 unavailable.");
        var behind = await fixture.Api.RunAsync("Work");
        var capReason = (await fixture.Server.GetJsonAsync($"api/tasks/{behind}/why"))["Reasons"]![0]!["Message"]!.GetValue<string>();

        var check = (await health.CheckAsync())["Id"]!.GetValue<string>();
        var checkTask = await fixture.Api.WaitAsync(check, 60);
        var waited = await fixture.Api.WaitAsync(waiting, 30);
        var after = await fixture.Api.WaitAsync(behind, 30);

        Assert.Equal($"The task cap (1) is reached: 1 task(s) are executing ({waiting}), 1 of them waiting for a worker or a mutex. Raise it with `octolite config set taskCap N`.", capReason);
        Assert.Equal("Success", checkTask["State"]!.GetValue<string>());
        Assert.Equal("Success", waited["State"]!.GetValue<string>());
        Assert.Equal("Success", after["State"]!.GetValue<string>());
        Assert.Contains("worked", await fixture.Api.LogTextAsync(waiting));
    }

    [Fact]
    public async Task HealthTasks_BeyondTheirSlots_Wait_AndACanceledCheck_LeavesTheWorkersHealthAsItWas()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        fixture.Server.Server.Services.GetRequiredService<HealthTimings>().TaskSlots = 1;
        var health = new HealthApi(fixture.Server);
        await fixture.Api.SetConfigurationAsync("""{"TaskCap":1}""");
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":0,"HealthCheckScript":"echo checking; sleep 30"}""");
        await fixture.Api.RunbookAsync("Hold", ListeningTentacle.Remote("Hold", "echo holding; sleep 30"));
        var holder = await fixture.Api.RunAsync("Hold"); // takes the one task-cap slot
        await WaitForLineAsync(fixture, holder, "holding");

        var first = (await health.CheckAsync())["Id"]!.GetValue<string>();
        var second = (await health.CheckAsync())["Id"]!.GetValue<string>();
        await fixture.Api.WaitForStateAsync(first, "Executing");
        await WaitForLineAsync(fixture, first, "checking");
        var why = (await fixture.Server.GetJsonAsync($"api/tasks/{second}/why"))["Reasons"]!.AsArray();

        Assert.Equal("Queued", (await fixture.Api.TaskAsync(second))["State"]!.GetValue<string>());
        Assert.Equal($"Health tasks run in 1 slot(s) of their own, beside the task cap, and all are taken: {first}.", Assert.Single(why)!["Message"]!.GetValue<string>());
        foreach (var id in new[] { second, first, holder })
        {
            var cancel = await fixture.Server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        }

        var canceled = await fixture.Api.WaitAsync(first);
        Assert.Equal("Canceled", canceled["State"]!.GetValue<string>());
        Assert.Equal("Canceled", Assert.Single(canceled["Steps"]!.AsArray())!["State"]!.GetValue<string>());
        Assert.Equal("Canceled", (await fixture.Api.WaitAsync(second))["State"]!.GetValue<string>());
        Assert.Equal("Unknown", HealthApi.Status(await health.WorkerAsync(Worker)));
        Assert.Empty(await health.HistoryAsync(Worker));
        await fixture.Api.WaitAsync(holder);
    }

    private static async Task WaitForLineAsync(ListeningTentacle fixture, string taskId, string line)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await fixture.Api.LogTextAsync(taskId)).Contains(line))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{taskId} never logged '{line}'");
            await Task.Delay(50);
        }
    }
}
