using OctoLite.Domain;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>Workers are leased when a task starts, one per pool, on real listening tentacles.</summary>
public sealed class LeaseSelectionTests
{
    [Fact]
    public async Task ATask_RunsEveryStepOfAPool_OnTheOneWorkerItLeased()
    {
        await using var fixture = await TwoTentacles.StartAsync();
        var first = ListeningTentacle.Remote("First", "sleep 0.5; echo one");
        var alongside = ListeningTentacle.Remote("Alongside", "sleep 0.5; echo two");
        alongside["StartTrigger"] = "StartWithPrevious";
        await fixture.Api.RunbookAsync("Together", first, alongside, ListeningTentacle.Remote("Then", "echo three"));

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Together"), 30);
        var log = await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>());

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var workers = TwoTentacles.Workers(task);
        Assert.Single(workers.Distinct());
        Assert.Contains($"Leased worker {workers[0]} in pool {ListeningTentacle.Pool}: this task's steps in pool {ListeningTentacle.Pool} run there.", log);
    }

    [Fact]
    public async Task ManyTasks_ShareTheLoad_OverBothWorkersOfAPool()
    {
        await using var fixture = await TwoTentacles.StartAsync();
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "sleep 0.3; echo done"));

        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await fixture.Api.RunAsync("Work"));
        }

        var workers = new List<string>();
        foreach (var id in ids)
        {
            var task = await fixture.Api.WaitAsync(id, 60);
            Assert.Equal("Success", task["State"]!.GetValue<string>());
            workers.Add(TwoTentacles.Workers(task)[0]);
        }

        var first = workers.Count(w => w == ListeningTentacle.WorkerName);
        Assert.True(first is >= 4 and <= 8, $"tentacle-1 ran {first} of 12: {string.Join(", ", workers)}");
    }

    [Theory]
    [InlineData("Unavailable")]
    [InlineData("Unhealthy")]
    public async Task UnusableWorkers_AreNeverChosen(string status)
    {
        await using var fixture = await TwoTentacles.StartAsync();
        fixture.SetHealth(TwoTentacles.Second, Enum.Parse<HealthStatus>(status));
        fixture.SetHealth(ListeningTentacle.WorkerName, HealthStatus.HasWarnings); // still usable, as Unknown is
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo done"));

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await fixture.Api.RunAsync("Work"));
        }

        foreach (var id in ids)
        {
            Assert.Equal([ListeningTentacle.WorkerName], TwoTentacles.Workers(await fixture.Api.WaitAsync(id, 30)));
        }
    }

    [Fact]
    public async Task NoUsableWorker_TheTaskWaitsSayingWhy_ThenFailsClearlyAtTheLeaseTimeout()
    {
        await using var fixture = await TwoTentacles.StartAsync();
        fixture.SetHealth(TwoTentacles.Second, HealthStatus.Unavailable);
        var (exitCode, _, error) = await fixture.Server.CliAsync("worker", "disable", ListeningTentacle.WorkerName);
        Assert.True(exitCode == 0, error);
        (exitCode, _, error) = await fixture.Server.CliAsync("config", "set", "workerLeaseTimeout", "00:00:02");
        Assert.True(exitCode == 0, error);
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo never"));

        var started = DateTime.UtcNow;
        var id = await fixture.Api.RunAsync("Work");
        var task = await fixture.Api.WaitAsync(id, 30);
        var log = await fixture.Api.LogTextAsync(id);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2));
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        const string why = "pool Remote: 2 workers, 1 disabled, 1 unavailable";
        Assert.Equal($"No worker could be leased within the lease timeout (00:00:02): {why}.", task["ErrorMessage"]!.GetValue<string>());
        Assert.Single(log, l => l == $"Waiting for a worker (up to 00:00:02 in all): {why}.");
        Assert.Equal(["Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.DoesNotContain("never", log);
    }

    [Fact]
    public async Task AWaitingTask_StartsWhenAWorkerBecomesUsable_AndLogsTheChange()
    {
        await using var fixture = await TwoTentacles.StartAsync();
        fixture.SetHealth(ListeningTentacle.WorkerName, HealthStatus.Unavailable);
        fixture.SetHealth(TwoTentacles.Second, HealthStatus.Unhealthy);
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo ran"));

        var id = await fixture.Api.RunAsync("Work");
        await WaitForLineAsync(fixture, id, "Waiting for a worker (up to 00:10:00 in all): pool Remote: 2 workers, 1 unavailable, 1 unhealthy.");
        Assert.Equal("Executing", (await fixture.Api.TaskAsync(id))["State"]!.GetValue<string>());
        fixture.SetHealth(TwoTentacles.Second, HealthStatus.Healthy);
        var task = await fixture.Api.WaitAsync(id, 30);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal([TwoTentacles.Second], TwoTentacles.Workers(task));
        Assert.Contains("ran", await fixture.Api.LogTextAsync(id));
    }

    [Fact]
    public async Task Cancel_WhileWaitingForAWorker_EndsTheTaskCanceled()
    {
        await using var fixture = await TwoTentacles.StartAsync();
        fixture.SetHealth(ListeningTentacle.WorkerName, HealthStatus.Unavailable);
        fixture.SetHealth(TwoTentacles.Second, HealthStatus.Unavailable);
        await fixture.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo never"));
        var id = await fixture.Api.RunAsync("Work");
        await WaitForLineAsync(fixture, id, "Waiting for a worker (up to 00:10:00 in all): pool Remote: 2 workers, 2 unavailable.");

        var cancel = await fixture.Server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        var task = await fixture.Api.WaitAsync(id, 10);

        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
    }

    [Fact]
    public async Task LeaseTimeout_IsSetAndShownByConfig_DefaultTenMinutes_AndRefusedOutOfRange()
    {
        await using var server = await OctoLite.Tests.Support.RunningServer.StartAsync();

        var before = await server.CliAsync("config", "get", "workerLeaseTimeout");
        var set = await server.CliAsync("config", "set", "workerLeaseTimeout", "00:00:30");
        var after = await server.CliAsync("config", "get", "workerLeaseTimeout");
        var api = await server.Socket.PutAsync("api/configuration", OctoLite.Tests.Support.RunningServer.Json("""{"WorkerLeaseTimeout":"-00:00:01"}"""));

        Assert.Equal("00:10:00", before.Out.Trim());
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal("00:00:30", after.Out.Trim());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("WorkerLeaseTimeout must be from 00:00:00 to 1.00:00:00", await api.Content.ReadAsStringAsync());
    }

    internal static async Task WaitForLineAsync(TwoTentacles fixture, string id, string line, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!(await fixture.Api.LogTextAsync(id)).Contains(line))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never logged '{line}': {string.Join("\n", await fixture.Api.LogTextAsync(id))}");
            await Task.Delay(50);
        }
    }
}
