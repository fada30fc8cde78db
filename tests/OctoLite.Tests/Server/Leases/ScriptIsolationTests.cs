using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Server.Deployments;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>
/// Named mutexes per worker: isolation Full holds the step's mutex alone, None shares it; ordering is proven by the
/// scripts' own timestamps, on the built-in worker and on a real tentacle.
/// </summary>
public sealed class ScriptIsolationTests
{
    [Fact]
    public async Task OnTheBuiltInWorker_FullWaitsForRunningScripts_AndLaterScriptsWaitForFull()
    {
        using var work = new TempDirectory();
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await IsolationOrderingAsync(api, new Timeline(work.Combine("timeline")), TaskApi.Bash, "built-in worker");
    }

    [Fact]
    public async Task OnATentacle_FullWaitsForRunningScripts_AndLaterScriptsWaitForFull()
    {
        using var work = new TempDirectory();
        await using var fixture = await ListeningTentacle.StartAsync();
        await IsolationOrderingAsync(fixture.Api, new Timeline(work.Combine("timeline")), (name, script, _) => ListeningTentacle.Remote(name, script), ListeningTentacle.WorkerName);
    }

    [Fact]
    public async Task OnAPollingTentacle_FullWaitsForRunningScripts_AndLaterScriptsWaitForFull()
    {
        using var work = new TempDirectory();
        await using var fixture = await PollingTentacle.StartAsync();
        await IsolationOrderingAsync(fixture.Api, new Timeline(work.Combine("timeline")), (name, script, _) => ListeningTentacle.Remote(name, script), PollingTentacle.WorkerName);
    }

    /// <summary>
    /// A (None) runs; B (Full) asks and waits for A; C (None) asks after B and waits behind it, though A only shares
    /// the mutex: B runs alone between them.
    /// </summary>
    private static async Task IsolationOrderingAsync(TaskApi api, Timeline timeline, Func<string, string, string?, JsonObject> step, string worker)
    {
        await api.RunbookAsync("Shared", step("Shared", timeline.Script(1.5), null));
        var full = step("Alone", timeline.Script(0.5), null);
        full["Isolation"] = "Full";
        await api.RunbookAsync("Alone", full);

        var a = await api.RunAsync("Shared");
        await WaitForStartAsync(timeline, a);
        var b = await api.RunAsync("Alone");
        await WaitForLineAsync(api, b, $"Waiting for the mutex RunningScript on worker {worker}, held by {a} (this step runs with isolation Full).");
        var c = await api.RunAsync("Shared");
        await WaitForLineAsync(api, c, $"Waiting for the mutex RunningScript on worker {worker}, held by {a}; queued behind {b}.");
        foreach (var id in new[] { a, b, c })
        {
            Assert.Equal("Success", (await api.WaitAsync(id, 30))["State"]!.GetValue<string>());
        }

        var runs = timeline.Runs().ToDictionary(r => r.Task);
        Assert.True(runs[b].Start >= runs[a].End, $"B started before A ended: {runs[a]} / {runs[b]}");
        Assert.True(runs[c].Start >= runs[b].End, $"C started before B ended: {runs[b]} / {runs[c]}");
        Assert.Equal([worker], runs.Values.Select(r => r.Machine).Distinct());
        Assert.Contains(await api.LogTextAsync(b), l => l.StartsWith($"Took the mutex RunningScript on worker {worker} after waiting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullSteps_WithDifferentMutexNames_RunTogether_WithTheSameName_OneAfterTheOther()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Db", Full("Db", timeline.Script(1), "database"));
        await api.RunbookAsync("Files", Full("Files", timeline.Script(1), "files"));

        var ids = new[] { await api.RunAsync("Db"), await api.RunAsync("Files"), await api.RunAsync("Db") };
        foreach (var id in ids)
        {
            Assert.Equal("Success", (await api.WaitAsync(id, 30))["State"]!.GetValue<string>());
        }

        var overlaps = Timeline.Overlaps(timeline.Runs());
        Assert.NotEmpty(overlaps);
        Assert.DoesNotContain(overlaps, p => p.Item1.Step == p.Item2.Step);
    }

    [Fact]
    public async Task MutexTimeout_FailsTheStepClearly_NamingTheHolder()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Long", Full("Long", timeline.Script(4), ""));
        var impatient = TaskApi.Bash("Impatient", "echo never");
        impatient["MutexTimeout"] = "00:00:01";
        await api.RunbookAsync("Impatient", impatient);

        var holder = await api.RunAsync("Long");
        await WaitForStartAsync(timeline, holder);
        var waiter = await api.RunAsync("Impatient");
        var task = await api.WaitAsync(waiter, 20);

        var message = $"Timed out after 00:00:01 waiting for the mutex RunningScript on worker built-in worker, held by {holder}.";
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Equal($"Step 'Impatient' failed: {message}", task["ErrorMessage"]!.GetValue<string>());
        Assert.Contains(message, await api.LogTextAsync(waiter));
        Assert.DoesNotContain("never", await api.LogTextAsync(waiter));
        Assert.Equal("Running", (await api.TaskAsync(holder))["Steps"]![0]!["State"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_WhileWaitingForTheMutex_StopsTheWait()
    {
        using var work = new TempDirectory();
        var timeline = new Timeline(work.Combine("timeline"));
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Long", Full("Long", timeline.Script(5), ""));
        await api.RunbookAsync("Waiter", TaskApi.Bash("Waiter", "echo never"));
        var holder = await api.RunAsync("Long");
        await WaitForStartAsync(timeline, holder);
        var waiter = await api.RunAsync("Waiter");
        await WaitForLineAsync(api, waiter, $"Waiting for the mutex RunningScript on worker built-in worker, held by {holder}.");

        await server.Socket.PostAsync($"api/tasks/{waiter}/cancel", null);
        var task = await api.WaitAsync(waiter, 3);

        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.Equal("Executing", (await api.TaskAsync(holder))["State"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Name":"A","Script":"true","Isolation":"Partial"}""", "DeploymentProcess.Steps[0].Isolation")]
    [InlineData("""{"Name":"A","Script":"true","MutexTimeout":"-00:00:01"}""", "DeploymentProcess.Steps[0].MutexTimeout")]
    [InlineData("""{"Name":"A","Script":"true","MutexName":"bad\u0007name"}""", "DeploymentProcess.Steps[0].MutexName")]
    [InlineData("""{"Name":"A","Kind":"Email","To":"a@example.com","Subject":"s","MutexName":"x"}""", "DeploymentProcess.Steps[0].MutexName")]
    [InlineData("""{"Name":"A","Kind":"ManualIntervention","Instructions":"i","Isolation":"Full"}""", "DeploymentProcess.Steps[0].Isolation")]
    public async Task ABadIsolationProperty_IsRefused_NamingItsPath(string step, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();

        var problem = await api.PutAsync("api/projects/Ops/deploymentprocess", JsonNode.Parse($$"""{"Steps":[{{step}}]}""")!, HttpStatusCode.BadRequest);

        Assert.Equal(field, problem["field"]!.GetValue<string>());
    }

    private static JsonObject Full(string name, string script, string mutex)
    {
        var step = TaskApi.Bash(name, script);
        step["Isolation"] = "Full";
        if (mutex.Length > 0)
        {
            step["MutexName"] = mutex;
        }

        return step;
    }

    internal static async Task WaitForStartAsync(Timeline timeline, string taskId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(timeline.Path) || !File.ReadAllLines(timeline.Path).Any(l => l.StartsWith($"start|", StringComparison.Ordinal) && l.Split('|')[2] == taskId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{taskId}'s script never started");
            await Task.Delay(20);
        }
    }

    internal static async Task WaitForLineAsync(TaskApi api, string id, string line, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!(await api.LogTextAsync(id)).Contains(line))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never logged '{line}': {string.Join("\n", await api.LogTextAsync(id))}");
            await Task.Delay(30);
        }
    }
}
