using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using OctoLite.Server.Tasks;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Deployments;

/// <summary>Manual intervention steps: waiting inside the server, approved or aborted, across a restart.</summary>
public sealed class ManualInterventionTests
{
    private static JsonObject Intervention(string name = "Check") =>
        new() { ["Name"] = name, ["Kind"] = "ManualIntervention", ["Instructions"] = "Check the dashboard, then approve.", ["ResponsibleTeams"] = new JsonArray("Ops") };

    private static async Task<JsonNode> AwaitInterventionAsync(TaskApi api, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var task = await api.TaskAsync(id);
            if (task["HasPendingInterruptions"]!.GetValue<bool>() && task["State"]!.GetValue<string>() == "Executing")
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} never awaited an intervention: {task.ToJsonString()}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Approve_LetsTheDeploymentGoOn_WithTheNoteRecordedAndAudited()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.ProcessAsync(Intervention(), TaskApi.Bash("After", $"touch '{work.Path}/after'"));
        await api.ReleaseAsync("1.0.0");
        var id = await api.DeployAsync("1.0.0", "Production");

        var waiting = await AwaitInterventionAsync(api.Tasks, id);
        Assert.Equal("Executing", waiting["State"]!.GetValue<string>());
        Assert.False(File.Exists(work.Combine("after")));
        var (code, output, error) = await server.CliAsync("task", "approve", id, "--note", "dashboard green");
        Assert.True(code == 0, error);
        Assert.Contains("Proceeding past step 'Check'", output);

        var task = await api.Tasks.WaitAsync(id);
        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.True(File.Exists(work.Combine("after")));
        var interruption = Assert.Single(task["Interruptions"]!.AsArray())!;
        Assert.Equal("Proceed", interruption["Result"]!.GetValue<string>());
        Assert.Equal("dashboard green", interruption["Note"]!.GetValue<string>());
        var events = (await server.GetJsonAsync("api/events"))["Items"]!.AsArray();
        Assert.Contains(events, e => e!["Action"]?.GetValue<string>() == "InterventionProceeded" || e!.ToJsonString().Contains("InterventionProceeded", StringComparison.Ordinal));
        var log = await api.Tasks.LogAsync(id);
        Assert.Contains(log, l => l["Text"]!.GetValue<string>().Contains("Check the dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Abort_FailsTheStepAndTheTask_AndLaterStepsDoNotRun()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.ProcessAsync(Intervention(), TaskApi.Bash("After", $"touch '{work.Path}/after'"));
        await api.ReleaseAsync("1.0.0");
        var id = await api.DeployAsync("1.0.0", "Production");
        await AwaitInterventionAsync(api.Tasks, id);

        var (code, _, error) = await server.CliAsync("task", "abort", id, "--note", "not today");
        Assert.True(code == 0, error);

        var task = await api.Tasks.WaitAsync(id);
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("not today", task["ErrorMessage"]!.GetValue<string>());
        Assert.False(File.Exists(work.Combine("after")));
        var again = await server.CliAsync("task", "approve", id);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("not awaiting a manual intervention", again.Error);
    }

    [Fact]
    public async Task AnInterventionAwaited_SurvivesAServerRestart_AndIsApprovedAfterIt_StartingNoProcess()
    {
        using var directory = new TempDirectory();
        using var work = new TempDirectory();
        string id;
        await using (var server = await RunningServer.StartAsync(directory))
        {
            var api = new DeployApi(server);
            await api.Tasks.ProjectAsync();
            await api.EnvironmentAsync("Production");
            await api.Tasks.SetConfigurationAsync("""{"BuiltInWorkerEnabled":true}""");
            await api.ProcessAsync(TaskApi.Bash("Before", "echo \"##octopus[setVariable name='V29yZA==' value='a2VwdA==']\""), Intervention(), TaskApi.Bash("After", $"echo '#{{Octopus.Action[Before].Output.Word}}' > '{work.Path}/after'"));
            await api.ReleaseAsync("1.0.0");
            id = await api.DeployAsync("1.0.0", "Production");
            await AwaitInterventionAsync(api.Tasks, id);
        }

        await using var restarted = await RunningServer.StartAsync(directory);
        var again = new TaskApi(restarted);
        var waiting = await AwaitInterventionAsync(again, id);
        Assert.Equal("Executing", waiting["State"]!.GetValue<string>());
        Assert.Equal("Success", waiting["Steps"]![0]!["State"]!.GetValue<string>());
        var worker = restarted.Server.Services.GetRequiredService<BuiltInWorker>();
        var started = worker.ScriptsStarted;
        await Task.Delay(200);
        Assert.Equal(started, worker.ScriptsStarted); // waiting runs nothing

        var (code, _, error) = await restarted.CliAsync("task", "approve", id);
        Assert.True(code == 0, error);

        var task = await again.WaitAsync(id);
        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal("Success", task["Steps"]![0]!["State"]!.GetValue<string>()); // not run again
        Assert.Equal("kept", File.ReadAllText(work.Combine("after")).Trim()); // the first step's output survived
        Assert.Single(task["Interruptions"]!.AsArray());
        var log = await again.LogAsync(id);
        Assert.Contains(log, l => l["Text"]!.GetValue<string>().Contains("resumes waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_WhenTheTaskAwaitsNothing_IsAConflict()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();
        await api.Tasks.RunbookAsync("Quick", TaskApi.Bash("Hi", "true"));
        var id = await api.Tasks.RunAsync("Quick");
        await api.Tasks.WaitAsync(id);

        var response = await server.Socket.PostAsync($"api/tasks/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task ASecondAnswer_ToTheSameIntervention_IsAConflict_AndTheFirstStands()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api) = (fixture.Server, fixture.Api);
        await api.ProcessAsync(Intervention(), TaskApi.Bash("After", "sleep 1"));
        await api.ReleaseAsync("1.0.0");
        var id = await api.DeployAsync("1.0.0", "Production");
        await AwaitInterventionAsync(api.Tasks, id);

        var approved = await server.Socket.PostAsync($"api/tasks/{id}/approve", null);
        var aborted = await server.Socket.PostAsync($"api/tasks/{id}/abort", null);
        var task = await api.Tasks.WaitAsync(id);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, aborted.StatusCode);
        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var events = (await server.GetJsonAsync("api/events"))["Items"]!.AsArray().Select(e => e!.ToJsonString()).ToList();
        Assert.DoesNotContain(events, e => e.Contains("InterventionAborted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PerTargetOutputs_AndFinishedSteps_SurviveARestart_AndCancelWhileQueuedKeepsThem()
    {
        using var directory = new TempDirectory();
        using var work = new TempDirectory();
        string first, second;
        await using (var server = await RunningServer.StartAsync(directory))
        {
            var api = new DeployApi(server);
            await api.Tasks.ProjectAsync();
            await api.EnvironmentAsync("Production");
            await api.TargetsAsync("web", 1, "web", "Production");
            await api.ProcessAsync(
                DeployApi.PerTarget("Before", "web", "echo \"##octopus[setVariable name='V29yZA==' value='a2VwdA==']\""),
                Intervention(),
                TaskApi.Bash("After", $"echo '#{{Octopus.Action[Before].Output.Word}} #{{Octopus.Action[Before].Output[web-01].Word}}' > '{work.Path}/after'"));
            await api.ReleaseAsync("1.0.0");
            first = await api.DeployAsync("1.0.0", "Production");
            await AwaitInterventionAsync(api.Tasks, first);
            await api.Tasks.SetConfigurationAsync("""{"IsDraining":true}""");
        }

        await using (var restarted = await RunningServer.StartAsync(directory))
        {
            var api = new DeployApi(restarted);
            await api.Tasks.WaitForStateAsync(first, "Queued");
            var canceled = await restarted.CliAsync("task", "cancel", first);
            Assert.True(canceled.ExitCode == 0, canceled.Error);
            var task = await api.Tasks.TaskAsync(first);
            Assert.Equal("Canceled", task["State"]!.GetValue<string>());
            Assert.Equal("Success", task["Steps"]![0]!["State"]!.GetValue<string>());
            Assert.Equal("Canceled", task["Steps"]![1]!["State"]!.GetValue<string>());
            Assert.False(task["HasPendingInterruptions"]!.GetValue<bool>());
            Assert.Contains("while it waited to resume", task["ErrorMessage"]!.GetValue<string>());

            second = await api.DeployAsync("1.0.0", "Production");
            await api.Tasks.SetConfigurationAsync("""{"IsDraining":false}""");
            await AwaitInterventionAsync(api.Tasks, second);
        }

        await using var again = await RunningServer.StartAsync(directory);
        var tasks = new TaskApi(again);
        await AwaitInterventionAsync(tasks, second);
        Assert.True((await again.CliAsync("task", "approve", second)).ExitCode == 0);
        Assert.Equal("Success", (await tasks.WaitAsync(second))["State"]!.GetValue<string>());
        Assert.Equal("kept kept", File.ReadAllText(work.Combine("after")).Trim());
    }
}
