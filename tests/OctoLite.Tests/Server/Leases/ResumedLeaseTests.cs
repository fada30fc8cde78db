using OctoLite.Domain;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>Leases across a server restart: a resumed task follows its running scripts first; a task waiting for a worker is queued again.</summary>
public sealed class ResumedLeaseTests
{
    /// <summary>
    /// Regression (issue 6): a resumed task that could not lease its other pools waited for them (and failed at the
    /// lease timeout) without following the script it still ran on a tentacle, nor holding that script's mutex.
    /// </summary>
    [Fact]
    public async Task ResumedTask_WhoseOtherPoolHasNoWorker_FollowsItsRunningScriptFirst_HoldingItsMutex()
    {
        using var work = new TempDirectory();
        await using var setup = await RestartableTentacle.StartAsync();
        await setup.Api.SetConfigurationAsync("""{"WorkerLeaseTimeout":"00:00:00"}""");
        await AddPoolWithAWorkerAsync(setup, "Other", "ghost");
        var count = ListeningTentacle.Remote("Count", $$"""
            for i in $(seq 1 40); do echo line-$i; sleep 0.1; done
            date +%s%N > '{{work.Path}}/count-ended'
            """);
        count["Isolation"] = "Full";
        var elsewhere = TaskApi.Bash("Elsewhere", "echo elsewhere");
        elsewhere["WorkerPool"] = "Other";
        await setup.Api.RunbookAsync("Count", count, elsewhere);
        var alone = ListeningTentacle.Remote("Alone", $"date +%s%N > '{work.Path}/alone-started'");
        alone["Isolation"] = "Full";
        await setup.Api.RunbookAsync("Alone", alone);
        var id = await setup.Api.RunAsync("Count");
        await setup.WaitForLineAsync(id, "line-10");

        await setup.StopServerAsync();
        using (var store = setup.OpenStore())
        {
            store.Write(s =>
            {
                s.Workers.Update(s.Workers.All().Single(w => w.Name == "ghost") with { IsDisabled = true });
                return true;
            });
        }

        await setup.RestartAsync();
        await setup.WaitForLineAsync(id, "following it again", exact: false);
        var other = await setup.Api.RunAsync("Alone");
        var task = await setup.Api.WaitAsync(id, 60);
        var texts = await setup.Api.LogTextAsync(id);
        var otherTask = await setup.Api.WaitAsync(other, 30);

        Assert.Equal(["Success", "Failed"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"line-{i}"), texts.Where(t => t.StartsWith("line-", StringComparison.Ordinal)));
        Assert.Contains("The scripts still running are followed first; steps still to run in other pools wait for a worker when they start: pool Other: 1 worker, 1 disabled.", texts);
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("No worker could be leased (workerLeaseTimeout is 0, so the task did not wait): pool Other: 1 worker, 1 disabled.", task["ErrorMessage"]!.GetValue<string>());
        // The followed script held its mutex (isolation Full) until it ended: the other task's script waited for it.
        Assert.Equal("Success", otherTask["State"]!.GetValue<string>());
        Assert.Contains(await setup.Api.LogTextAsync(other), t => t.StartsWith($"Waiting for the mutex RunningScript on worker {ListeningTentacle.WorkerName}, held by {id}", StringComparison.Ordinal));
        Assert.True(Stamp(work, "alone-started") > Stamp(work, "count-ended"));
    }

    /// <summary>Regression (issue 6): a graceful stop during a lease wait failed the task, which had not run anything.</summary>
    [Fact]
    public async Task GracefulStop_WhileATaskWaitsForAWorker_QueuesItAgain_AndItRunsAfterTheRestart()
    {
        await using var setup = await RestartableTentacle.StartAsync();
        TwoTentacles.SetHealth(setup.Server, ListeningTentacle.WorkerName, HealthStatus.Unavailable);
        await setup.Api.RunbookAsync("Work", ListeningTentacle.Remote("Work", "echo worked"));
        var id = await setup.Api.RunAsync("Work");
        await setup.WaitForLineAsync(id, "Waiting for a worker (up to 00:10:00 in all): pool Remote: 1 worker, 1 unavailable.");

        await setup.StopServerAsync();
        var stored = setup.StoredTask(id);
        await setup.RestartAsync();
        await setup.Api.WaitForStateAsync(id, "Executing");
        TwoTentacles.SetHealth(setup.Server, ListeningTentacle.WorkerName, HealthStatus.Healthy);
        var task = await setup.Api.WaitAsync(id, 30);
        var texts = await setup.Api.LogTextAsync(id);

        Assert.Equal("Queued", stored["State"].AsString);
        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Contains("The server is stopping while this task waits for a worker: it is queued again, and starts when the server starts again.", texts);
        Assert.Single(texts, t => t == "worked");
    }

    private static async Task AddPoolWithAWorkerAsync(RestartableTentacle setup, string pool, string worker)
    {
        var created = await setup.Server.Socket.PostAsync("api/workerpools", RunningServer.Json($$"""{"Name":"{{pool}}"}"""));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        // Never reached: it is usable (never checked) until disabled.
        var (exitCode, output, error) = await setup.Server.CliAsync("worker", "register-listening", "--name", worker, "--uri", "https://127.0.0.1:9/",
            "--thumbprint", "0123456789ABCDEF0123456789ABCDEF01234567", "--pool", pool, "--no-check");
        Assert.True(exitCode == 0, output + error);
    }

    private static long Stamp(TempDirectory work, string name) =>
        long.Parse(File.ReadAllText(work.Combine(name)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
