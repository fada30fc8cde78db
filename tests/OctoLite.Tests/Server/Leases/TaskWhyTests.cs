using System.Text.Json.Nodes;
using OctoLite.Domain;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary><c>octolite task why ID</c> and <c>GET /api/tasks/{id}/why</c>: what holds a task back, as data and as text.</summary>
public sealed class TaskWhyTests
{
    [Fact]
    public async Task Why_OfATaskWaitingForAnExclusivelyLeasedWorker_NamesThePoolAndTheHolder()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var fixture = await TwoTentacles.StartAsync();
        fixture.SetHealth(TwoTentacles.Second, HealthStatus.Unavailable);
        await fixture.Api.VariableAsync("OctopusBypassDeploymentMutex", "False");
        await fixture.Api.RunbookAsync("Alone", ListeningTentacle.Remote("Work", timeline.Script(3)));
        var holder = await fixture.Api.RunAsync("Alone");
        await ScriptIsolationTests.WaitForStartAsync(timeline, holder);

        var waiter = await fixture.Api.RunAsync("Alone");
        await LeaseSelectionTests.WaitForLineAsync(fixture, waiter, $"Waiting for a worker (up to 00:10:00 in all): pool Remote: 2 workers, 1 leased exclusively by {holder}, 1 unavailable.");
        var why = await fixture.Server.GetJsonAsync($"api/tasks/{waiter}/why");
        var (exitCode, text, error) = await fixture.Server.CliAsync("task", "why", waiter);

        Assert.Equal("Executing", why["State"]!.GetValue<string>());
        var reason = Assert.Single(why["Reasons"]!.AsArray())!;
        Assert.Equal("WorkerLease", reason["Kind"]!.GetValue<string>());
        Assert.Equal($"Waiting for a worker: pool Remote: 2 workers, 1 leased exclusively by {holder}, 1 unavailable.", reason["Message"]!.GetValue<string>());
        Assert.Equal([holder], reason["BlockedBy"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.True(exitCode == 0, error);
        Assert.StartsWith($"{waiter} is Executing.\n  WorkerLease: Waiting for a worker: pool Remote: 2 workers, 1 leased exclusively by {holder}, 1 unavailable. (for ", text.ReplaceLineEndings("\n"));
        Assert.Equal("Success", (await fixture.Api.WaitAsync(waiter, 30))["State"]!.GetValue<string>());
        Assert.Equal("Finished", (await fixture.Server.GetJsonAsync($"api/tasks/{waiter}/why"))["Reasons"]![0]!["Kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Why_OfQueuedTasks_NamesTheTaskCapAndTheConcurrencyTag()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.SetConfigurationAsync("""{"TaskCap":2}""");
        await api.VariableAsync("Octopus.Task.ConcurrencyTag", "the-database");
        await api.RunbookAsync("Slow", TaskApi.Bash("Slow", timeline.Script(4)));
        var first = await api.RunAsync("Slow");
        await ScriptIsolationTests.WaitForStartAsync(timeline, first);
        var tagged = await api.RunAsync("Slow");
        await api.WaitForStateAsync(tagged, "Queued");

        var byTag = await server.GetJsonAsync($"api/tasks/{tagged}/why");
        await api.SetConfigurationAsync("""{"TaskCap":1}""");
        var byCap = await server.GetJsonAsync($"api/tasks/{tagged}/why");
        var (exitCode, text, _) = await server.CliAsync("task", "why", tagged.Replace("ServerTasks-", "", StringComparison.Ordinal));

        Assert.Equal("Queued", byTag["State"]!.GetValue<string>());
        var tag = Assert.Single(byTag["Reasons"]!.AsArray())!;
        Assert.Equal("ConcurrencyTag", tag["Kind"]!.GetValue<string>());
        Assert.Equal($"Waiting for {first} to finish: tasks with the concurrency tag 'the-database' run one at a time.", tag["Message"]!.GetValue<string>());
        Assert.Equal(["TaskCap", "ConcurrencyTag"], byCap["Reasons"]!.AsArray().Select(r => r!["Kind"]!.GetValue<string>()));
        Assert.Equal($"The task cap (1) is reached: 1 task(s) are executing ({first}). Raise it with `octolite config set taskCap N`.", byCap["Reasons"]![0]!["Message"]!.GetValue<string>());
        Assert.Equal(0, exitCode);
        Assert.Contains($"  ConcurrencyTag: Waiting for {first} to finish", text);
        await server.Socket.PostAsync($"api/tasks/{first}/cancel", null);
    }

    [Fact]
    public async Task Why_OfATaskWaitingForAMutex_OrAnIntervention_SaysWho()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        var full = TaskApi.Bash("Alone", timeline.Script(4));
        full["Isolation"] = "Full";
        await api.RunbookAsync("Alone", full);
        await api.RunbookAsync("Shared", TaskApi.Bash("Shared", "echo shared"));
        await api.RunbookAsync("Ask", new JsonObject { ["Name"] = "Approve", ["Kind"] = "ManualIntervention", ["Instructions"] = "Check." });
        var holder = await api.RunAsync("Alone");
        await ScriptIsolationTests.WaitForStartAsync(timeline, holder);

        var waiter = await api.RunAsync("Shared");
        await ScriptIsolationTests.WaitForLineAsync(api, waiter, $"Waiting for the mutex RunningScript on worker built-in worker, held by {holder}.");
        var asking = await api.RunAsync("Ask");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await api.TaskAsync(asking))["HasPendingInterruptions"]!.GetValue<bool>())
        {
            Assert.True(DateTime.UtcNow < deadline, "the intervention never came");
            await Task.Delay(20);
        }

        var mutex = Assert.Single((await server.GetJsonAsync($"api/tasks/{waiter}/why"))["Reasons"]!.AsArray())!;
        var intervention = Assert.Single((await server.GetJsonAsync($"api/tasks/{asking}/why"))["Reasons"]!.AsArray())!;
        var running = Assert.Single((await server.GetJsonAsync($"api/tasks/{holder}/why"))["Reasons"]!.AsArray())!;

        Assert.Equal("Mutex", mutex["Kind"]!.GetValue<string>());
        Assert.Equal($"Step 'Shared': Waiting for the mutex RunningScript on worker built-in worker, held by {holder}.", mutex["Message"]!.GetValue<string>());
        Assert.Equal([holder], mutex["BlockedBy"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("Shared", mutex["StepName"]!.GetValue<string>());
        Assert.Equal("ManualIntervention", intervention["Kind"]!.GetValue<string>());
        Assert.StartsWith("Step 'Approve' awaits a manual intervention (Interruptions-", intervention["Message"]!.GetValue<string>());
        Assert.Equal("Running", running["Kind"]!.GetValue<string>());
        Assert.Equal("Nothing holds it: it is running (step 'Alone' on built-in worker).", running["Message"]!.GetValue<string>());
        await server.Socket.PostAsync($"api/tasks/{asking}/cancel", null);
    }

    [Fact]
    public async Task Why_OfAnUnknownTask_Is404_AndFailsInTheCli()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.GetAsync("api/tasks/ServerTasks-999/why");
        var (exitCode, _, error) = await server.CliAsync("task", "why", "999");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("There is no task '999'", error);
    }
}
