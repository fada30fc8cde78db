using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Deployments;

/// <summary>Releases deployed to environments with Cloud Region targets, with real scripts on the built-in worker.</summary>
public sealed class DeploymentTests
{
    private static string Counting(string dir, string key) => $$"""
        mkdir -p '{{dir}}/running'
        touch '{{dir}}/running/{{key}}'
        ls '{{dir}}/running' | wc -l >> '{{dir}}/counts-#{Octopus.Step.Name}'
        echo "#{Octopus.Machine.Name}" >> '{{dir}}/machines-#{Octopus.Step.Name}'
        sleep 0.3
        rm '{{dir}}/running/{{key}}'
        """;

    [Fact]
    public async Task PerTargetStep_Over25Targets_NeverRunsMoreThanMaxParallelism_AndRunsOncePerTarget()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.TargetsAsync("web", 25, "web", "Production");
        await api.ProcessAsync(DeployApi.PerTarget("Fan out", "web", Counting(work.Path, "#{Octopus.Machine.Id}")));
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"), 90);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var counts = File.ReadAllLines(work.Combine("counts-Fan out")).Select(int.Parse).ToList();
        Assert.Equal(25, counts.Count);
        Assert.True(counts.Max() <= 10, $"more than 10 ran at once: {string.Join(",", counts)}");
        Assert.Equal(10, counts.Max());
        var machines = File.ReadAllLines(work.Combine("machines-Fan out")).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"web-{i:00}").ToList(), machines);
        var step = task["Steps"]![0]!;
        Assert.Equal(25, step["Invocations"]!.AsArray().Count);
        Assert.All(step["Invocations"]!.AsArray(), i => Assert.Equal("Success", i!["State"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ParallelSteps_EachReachTheirOwnMaxParallelism_AndRunTogether()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.TargetsAsync("web", 8, "web", "Production");
        await api.ProcessAsync(
            DeployApi.PerTarget("Left", "web", Counting(work.Path, "left-#{Octopus.Machine.Id}"), maxParallelism: 3),
            DeployApi.PerTarget("Right", "web", Counting(work.Path, "right-#{Octopus.Machine.Id}"), maxParallelism: 3, startTrigger: "StartWithPrevious"),
            TaskApi.Bash("After", $"ls '{work.Path}/running' | wc -l > '{work.Path}/after'"));
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"), 60);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var all = File.ReadAllLines(work.Combine("counts-Left")).Concat(File.ReadAllLines(work.Combine("counts-Right"))).Select(int.Parse).ToList();
        Assert.Equal(16, all.Count);
        Assert.True(all.Max() <= 6, $"more than 3 + 3 ran at once: {string.Join(",", all)}");
        Assert.True(all.Max() > 3, $"the two steps never overlapped: {string.Join(",", all)}");
        Assert.Equal("0", File.ReadAllText(work.Combine("after")).Trim()); // the next step waited for both
    }

    [Fact]
    public async Task Variables_ScopedByEnvironmentAndRole_MostSpecificWins_AndTheReleaseKeepsItsSnapshot()
    {
        await using var fixture = await DeployFixture.StartAsync("Test", "Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.PostAsync("api/machines", new JsonObject { ["Name"] = "db-1", ["Roles"] = new JsonArray("db"), ["EnvironmentIds"] = new JsonArray("Production") });
        await api.PostAsync("api/machines", new JsonObject { ["Name"] = "web-1", ["Roles"] = new JsonArray("web"), ["EnvironmentIds"] = new JsonArray("Production", "Test") });
        await api.Tasks.VariableAsync("Greeting", "hello");
        await api.ScopedVariableAsync("Greeting", "hello prod", ["Production"], []);
        await api.ScopedVariableAsync("Greeting", "hello db", [], ["db"]);
        await api.ProcessAsync(
            DeployApi.PerTarget("Each", "web", $"echo \"#{{Octopus.Environment.Name}} #{{Octopus.Machine.Name}} #{{Greeting}}\" >> '{work.Path}/out'"),
            DeployApi.PerTarget("Db", "db", $"echo \"#{{Octopus.Environment.Name}} #{{Octopus.Machine.Name}} #{{Greeting}}\" >> '{work.Path}/out'"));
        await api.ReleaseAsync("1.0.0");
        await api.Tasks.VariableAsync("Greeting", "changed after the release");

        Assert.Equal("Success", (await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Test")))["State"]!.GetValue<string>());
        Assert.Equal("Success", (await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production")))["State"]!.GetValue<string>());

        var lines = File.ReadAllLines(work.Combine("out")).ToList();
        Assert.Equal(["Test web-1 hello", "Production web-1 hello prod", "Production db-1 hello db"], lines);
    }

    [Fact]
    public async Task Conditions_FailureAndAlwaysStepsRunAfterAFailure_SuccessStepsDoNot_AndVariableConditionsDecide()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.Tasks.VariableAsync("RunIt", "True");
        await api.Tasks.VariableAsync("SkipIt", "False");
        JsonObject Step(string name, string condition, string script = "true") =>
            new() { ["Name"] = name, ["Condition"] = condition, ["Script"] = $"echo {name} >> '{work.Path}/ran'; {script}" };
        await api.ProcessAsync(
            Step("First", "Success"),
            Step("Ruled in", "#{RunIt}"),
            Step("Ruled out", "#{SkipIt}"),
            Step("Breaks", "Success", "exit 4"),
            Step("Next", "Success"),
            Step("On failure", "Failure"),
            Step("Cleanup", "Always"));
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("Step 'Breaks' failed", task["ErrorMessage"]!.GetValue<string>());
        Assert.Equal(["First", "Ruled in", "Breaks", "On failure", "Cleanup"], File.ReadAllLines(work.Combine("ran")));
        var states = task["Steps"]!.AsArray().ToDictionary(s => s!["Name"]!.GetValue<string>(), s => s!["State"]!.GetValue<string>());
        Assert.Equal("Skipped", states["Ruled out"]);
        Assert.Equal("Skipped", states["Next"]);
        Assert.Equal("Success", states["Cleanup"]);
    }

    [Fact]
    public async Task TwoDeployments_ToTheSameEnvironment_NeverOverlap_ButAnotherEnvironmentRunsAlongside()
    {
        await using var fixture = await DeployFixture.StartAsync("Test", "Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        await api.ProcessAsync(TaskApi.Bash("Hold", $"date +%s%N > '{work.Path}/#{{Octopus.Task.Id}}-start'; sleep 1; date +%s%N > '{work.Path}/#{{Octopus.Task.Id}}-end'"));
        await api.ReleaseAsync("1.0.0");

        var first = await api.DeployAsync("1.0.0", "Production");
        var second = await api.DeployAsync("1.0.0", "Production");
        var other = await api.DeployAsync("1.0.0", "Test");
        foreach (var id in new[] { first, second, other })
        {
            Assert.Equal("Success", (await api.Tasks.WaitAsync(id))["State"]!.GetValue<string>());
        }

        long Read(string id, string edge) => long.Parse(File.ReadAllText(work.Combine($"{id}-{edge}")).Trim());
        Assert.True(Read(second, "start") >= Read(first, "end"), "the second deployment to Production started before the first ended");
        Assert.True(Read(other, "start") < Read(first, "end"), "the deployment to Test waited for Production");
        var log = await api.Tasks.LogAsync(second);
        Assert.Contains(log, l => l["Text"]!.GetValue<string>().StartsWith($"Waiting for {first}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SkippedSteps_AreLeftOut_ButARequiredStepCannotBeSkipped()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (server, api, work) = (fixture.Server, fixture.Api, fixture.Work);
        var required = TaskApi.Bash("Must", $"echo must >> '{work.Path}/ran'");
        required["Required"] = true;
        await api.ProcessAsync(required, TaskApi.Bash("Optional", $"echo optional >> '{work.Path}/ran'"));
        await api.ReleaseAsync("1.0.0");

        var refused = await api.PostAsync("api/deployments",
            new JsonObject { ["ProjectId"] = "Ops", ["ReleaseId"] = "1.0.0", ["EnvironmentId"] = "Production", ["SkipActions"] = new JsonArray("Must") }, HttpStatusCode.BadRequest);
        Assert.Contains("required", refused["detail"]!.GetValue<string>());
        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production", "Optional"));

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal(["must"], File.ReadAllLines(work.Combine("ran")));
        Assert.Equal("Skipped", task["Steps"]![1]!["State"]!.GetValue<string>());
        Assert.Single((await server.GetJsonAsync("api/tasks"))["Items"]!.AsArray()); // the refused request queued nothing
    }

    [Theory]
    [InlineData("""{"Name":"A","Script":"true","StartTrigger":"StartWithPrevious"}""", "DeploymentProcess.Steps[0].StartTrigger")]
    [InlineData("""{"Name":"A","Script":"true","ExecutionLocation":"WorkerPoolOnBehalfOfRoles"}""", "DeploymentProcess.Steps[0].Roles")]
    [InlineData("""{"Name":"A","Script":"true","To":"ops@example.com"}""", "DeploymentProcess.Steps[0].To")]
    [InlineData("""{"Name":"A","Script":"true","WorkerPool":"No such pool"}""", "DeploymentProcess.Steps[0].WorkerPool")]
    [InlineData("""{"Name":"A","Script":"true","MaxParallelism":0}""", "DeploymentProcess.Steps[0].MaxParallelism")]
    [InlineData("""{"Name":"A","Script":"true","Condition":"Sometimes"}""", "DeploymentProcess.Steps[0].Condition")]
    [InlineData("""{"Name":"A","Kind":"ManualIntervention"}""", "DeploymentProcess.Steps[0].Instructions")]
    [InlineData("""{"Name":"A","Kind":"Email","To":"a@example.com","Subject":"s","Timeout":"00:01:00"}""", "DeploymentProcess.Steps[0].Timeout")]
    [InlineData("""{"Name":"A","Kind":"ImportCertificate","CertificateName":"Site","Certificate":"#{Pfx}","CertificatePassword":"hunter2"}""", "DeploymentProcess.Steps[0].CertificatePassword")]
    [InlineData("""{"Name":"A","Kind":"ImportCertificate","CertificateName":"Site","Certificate":"-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----"}""", "DeploymentProcess.Steps[0].Certificate")]
    public async Task ABadStep_IsRefused_NamingItsField_AndChangesNothing(string step, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var api = new DeployApi(server);
        await api.Tasks.ProjectAsync();
        var events = (await server.GetJsonAsync("api/events"))["Items"]!.AsArray().Count;

        var problem = await api.PutAsync("api/projects/Ops/deploymentprocess", JsonNode.Parse($$"""{"Steps":[{{step}}]}""")!, HttpStatusCode.BadRequest);

        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Empty((await server.GetJsonAsync("api/projects/Ops/deploymentprocess"))["Steps"]!.AsArray());
        Assert.Equal(events, (await server.GetJsonAsync("api/events"))["Items"]!.AsArray().Count);
    }

    [Fact]
    public async Task AStepThatTimesOut_EndsTheTaskTimedOut_ButAlwaysStepsStillRun_AndSeeTheError()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (api, work) = (fixture.Api, fixture.Work);
        var slow = TaskApi.Bash("Slow", "sleep 30", timeout: "00:00:01");
        var cleanup = TaskApi.Bash("Cleanup", $"echo \"#{{Octopus.Deployment.Error}}\" > '{work.Path}/error'");
        cleanup["Condition"] = "Always";
        await api.ProcessAsync(slow, TaskApi.Bash("Next", $"touch '{work.Path}/next'"), cleanup);
        await api.ReleaseAsync("1.0.0");

        var task = await api.Tasks.WaitAsync(await api.DeployAsync("1.0.0", "Production"));

        Assert.Equal("TimedOut", task["State"]!.GetValue<string>());
        Assert.Contains("Step 'Slow' timed out", task["ErrorMessage"]!.GetValue<string>());
        Assert.False(File.Exists(work.Combine("next")));
        Assert.Contains("Step 'Slow'", File.ReadAllText(work.Combine("error")));
        Assert.Equal("Success", task["Steps"]![2]!["State"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARunbookRunInAnEnvironment_WaitsForADeploymentOfItsProjectThere()
    {
        await using var fixture = await DeployFixture.StartAsync("Production");
        var (api, work) = (fixture.Api, fixture.Work);
        await api.ProcessAsync(TaskApi.Bash("Hold", $"sleep 1; date +%s%N > '{work.Path}/deploy-end'"));
        await api.ReleaseAsync("1.0.0");
        await api.Tasks.RunbookAsync("Check", TaskApi.Bash("Now", $"date +%s%N > '{work.Path}/runbook-start'"));

        var deployment = await api.DeployAsync("1.0.0", "Production");
        await api.Tasks.WaitForStateAsync(deployment, "Executing");
        var run = await api.Tasks.RunAsync("Check", """{"EnvironmentId":"Production"}""");

        Assert.Equal("Success", (await api.Tasks.WaitAsync(run))["State"]!.GetValue<string>());
        Assert.True(long.Parse(File.ReadAllText(work.Combine("runbook-start"))) >= long.Parse(File.ReadAllText(work.Combine("deploy-end"))));
    }
}
