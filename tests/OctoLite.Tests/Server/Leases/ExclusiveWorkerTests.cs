using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>OctopusBypassDeploymentMutex False: a task has its worker to itself; by default tasks share workers.</summary>
public sealed class ExclusiveWorkerTests
{
    [Fact]
    public async Task BypassFalse_TasksNeverShareAWorker_AndWaitersSayWhoHoldsIt()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var fixture = await TwoTentacles.StartAsync();
        await fixture.Api.VariableAsync("OctopusBypassDeploymentMutex", "False");
        await fixture.Api.RunbookAsync("Alone", ListeningTentacle.Remote("Work", timeline.Script(0.6)));

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await fixture.Api.RunAsync("Alone"));
        }

        foreach (var id in ids)
        {
            Assert.Equal("Success", (await fixture.Api.WaitAsync(id, 60))["State"]!.GetValue<string>());
        }

        var runs = timeline.Runs();
        Assert.Equal(4, runs.Count);
        Assert.DoesNotContain(Timeline.Overlaps(runs), p => p.Item1.Machine == p.Item2.Machine);
        Assert.NotEmpty(Timeline.Overlaps(runs)); // the two workers did work side by side
        var logs = await Task.WhenAll(ids.Select(fixture.Api.LogTextAsync));
        Assert.All(logs, log => Assert.Contains(log, l => l.StartsWith("Leased worker tentacle-", StringComparison.Ordinal) && l.Contains(" in pool Remote exclusively (OctopusBypassDeploymentMutex is False)", StringComparison.Ordinal)));
        Assert.Contains(logs.SelectMany(l => l), l => l.StartsWith("Waiting for a worker (up to 00:10:00 in all): pool Remote: 2 workers, 1 leased exclusively by ServerTasks-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByDefault_TasksShareAWorker()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var fixture = await ListeningTentacle.StartAsync();
        await fixture.Api.RunbookAsync("Shared", ListeningTentacle.Remote("Work", timeline.Script(1.5)));

        var first = await fixture.Api.RunAsync("Shared");
        var second = await fixture.Api.RunAsync("Shared");
        await fixture.Api.WaitAsync(first, 30);
        await fixture.Api.WaitAsync(second, 30);

        var runs = timeline.Runs();
        Assert.Equal([ListeningTentacle.WorkerName], runs.Select(r => r.Machine).Distinct());
        Assert.Single(Timeline.Overlaps(runs));
    }

    [Fact]
    public async Task BypassFalse_OnTheBuiltInWorker_RunsItsTasksOneAtATime()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.VariableAsync("OctopusBypassDeploymentMutex", "False");
        await api.RunbookAsync("Alone", TaskApi.Bash("Work", timeline.Script(0.4)));

        var ids = new[] { await api.RunAsync("Alone"), await api.RunAsync("Alone"), await api.RunAsync("Alone") };
        foreach (var id in ids)
        {
            Assert.Equal("Success", (await api.WaitAsync(id, 30))["State"]!.GetValue<string>());
        }

        var runs = timeline.Runs();
        Assert.Equal(3, runs.Count);
        Assert.Empty(Timeline.Overlaps(runs));
        Assert.Contains("Leased worker built-in worker in pool Default Worker Pool exclusively (OctopusBypassDeploymentMutex is False): this task's steps in pool Default Worker Pool run there.",
            await api.LogTextAsync(ids[0]));
    }
}
