using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;
using OctoLite.Tests.Support;

namespace OctoLite.Acceptance;

/// <summary>
/// A release deployed through the published binary's CLI: three Cloud Region targets in role "web", a per-target
/// script step, a parallel pair, an email step received by a loopback SMTP listener, and a manual intervention
/// approved from the CLI; variable scoping and the release's snapshot; 25 targets bounded by MaxParallelism.
/// </summary>
public sealed class DeploymentTests
{
    [BinaryFact]
    public async Task ReleaseDeployedToThreeTargets_WithParallelStepsEmailAndIntervention_SucceedsAfterApproval()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        using var dir = new TempDirectory();
        await using var sink = new SmtpSink();
        var work = dir.Combine("work");
        Directory.CreateDirectory(work);
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "Per target",
                    ["executionLocation"] = "WorkerPoolOnBehalfOfRoles",
                    ["roles"] = new JsonArray("web"),
                    ["script"] = $"echo \"#{{Octopus.Machine.Name}} #{{Greeting}}\" >> '{work}/targets'; set_octopusvariable Seen yes",
                },
                new JsonObject { ["name"] = "Left", ["script"] = $"touch '{work}/left'; sleep 0.5; test -f '{work}/right' && echo overlap > '{work}/left-saw-right'" },
                new JsonObject { ["name"] = "Right", ["startTrigger"] = "StartWithPrevious", ["script"] = $"touch '{work}/right'; sleep 0.5" },
                new JsonObject
                {
                    ["name"] = "Tell",
                    ["kind"] = "Email",
                    ["to"] = "ops@example.com",
                    ["subject"] = "Release #{Octopus.Release.Number} reached #{Octopus.Environment.Name}",
                    ["body"] = "web-1 said #{Octopus.Action[Per target].Output[web-1].Seen}",
                },
                new JsonObject { ["name"] = "Approve", ["kind"] = "ManualIntervention", ["instructions"] = "Look at the site." },
                new JsonObject { ["name"] = "Finish", ["script"] = $"touch '{work}/finished'" }),
        }.ToJsonString());

        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        (await cli.RunAsync("config", "set", "smtp.host", sink.Host)).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldExit(0);
        (await cli.RunAsync("config", "set", "smtp.from", "octolite@example.com")).ShouldExit(0);
        await cli.JsonAsync("environment", "create", "--name", "Production");
        await cli.JsonAsync("environment", "create", "--name", "Test");
        for (var i = 1; i <= 3; i++)
            await cli.JsonAsync("target", "create", "--name", $"web-{i}", "--kind", "CloudRegion", "--roles", "web", "--environment", "Production");
        await cli.JsonAsync("project", "create", "--name", "Shop");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Greeting", "--value", "hello");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Greeting", "--value", "hello prod", "--environment", "Production");
        (await cli.RunAsync("project", "process", "set", "--project", "Shop", "--file", processFile)).ShouldExit(0);
        await cli.JsonAsync("release", "create", "--project", "Shop", "--version", "1.2.0");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Greeting", "--value", "changed later", "--environment", "Production");

        var task = await cli.JsonAsync("deploy", "--project", "Shop", "--release", "1.2.0", "--environment", "Production");
        var id = task.Str("Id");
        var waiting = await WaitForInterventionAsync(cli, id, deadline.Token);
        Assert.Contains("awaiting manual intervention", (await cli.RunAsync("task", "show", id)).ShouldExit(0).StdOut);
        Assert.False(File.Exists(Path.Combine(work, "finished")));
        (await cli.RunAsync("task", "approve", id, "--note", "site looks fine")).ShouldExit(0);
        var final = (await cli.RunAsync("task", "wait", id)).ShouldExit(0);

        Assert.Contains("Success", final.StdOut);
        Assert.Equal(["web-1 hello prod", "web-2 hello prod", "web-3 hello prod"], File.ReadAllLines(Path.Combine(work, "targets")).Order());
        Assert.True(File.Exists(Path.Combine(work, "left-saw-right")), "the parallel pair did not run together");
        Assert.True(File.Exists(Path.Combine(work, "finished")));
        var message = Assert.Single(sink.Messages);
        Assert.Equal(["ops@example.com"], message.Recipients);
        Assert.Contains("Release 1.2.0 reached Production", message.Data);
        Assert.Contains("web-1 said yes", message.Data);
        Assert.Equal("Executing", waiting.Str("State"));
        await server.StopAsync();
    }

    [BinaryFact]
    public async Task TwentyFiveTargets_RunAtMostTenAtOnce()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        using var dir = new TempDirectory();
        var work = dir.Combine("work");
        Directory.CreateDirectory(work);
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, new JsonObject
        {
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Fan out",
                ["executionLocation"] = "WorkerPoolOnBehalfOfRoles",
                ["roles"] = new JsonArray("web"),
                ["script"] = $"mkdir -p '{work}/running'; touch '{work}/running/#{{Octopus.Machine.Id}}'; ls '{work}/running' | wc -l >> '{work}/counts'; sleep 0.3; rm '{work}/running/#{{Octopus.Machine.Id}}'",
            }),
        }.ToJsonString());

        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        await cli.JsonAsync("environment", "create", "--name", "Production");
        for (var i = 1; i <= 25; i++)
            await cli.JsonAsync("target", "create", "--name", $"web-{i:00}", "--roles", "web", "--environment", "Production");
        await cli.JsonAsync("project", "create", "--name", "Shop");
        (await cli.RunAsync("project", "process", "set", "--project", "Shop", "--file", processFile)).ShouldExit(0);
        await cli.JsonAsync("release", "create", "--project", "Shop", "--version", "1.0.0");

        (await cli.RunAsync("deploy", "--project", "Shop", "--release", "1.0.0", "--environment", "Production", "--wait")).ShouldExit(0);

        var counts = File.ReadAllLines(Path.Combine(work, "counts")).Select(int.Parse).ToList();
        Assert.Equal(25, counts.Count);
        Assert.InRange(counts.Max(), 2, 10);
        await server.StopAsync();
    }

    [BinaryFact]
    public async Task TwoDeploymentsToOneEnvironment_RunOneAfterTheOther_WhileAnotherEnvironmentRunsAlongside()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var dir = new TempDirectory();
        var work = dir.Combine("work");
        Directory.CreateDirectory(work);
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, new JsonObject
        {
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Hold",
                ["script"] = $"date +%s%N > '{work}/#{{Octopus.Task.Id}}-start'; sleep 1; date +%s%N > '{work}/#{{Octopus.Task.Id}}-end'",
            }),
        }.ToJsonString());

        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        await cli.JsonAsync("environment", "create", "--name", "Production");
        await cli.JsonAsync("environment", "create", "--name", "Test");
        await cli.JsonAsync("project", "create", "--name", "Shop");
        (await cli.RunAsync("project", "process", "set", "--project", "Shop", "--file", processFile)).ShouldExit(0);
        await cli.JsonAsync("release", "create", "--project", "Shop", "--version", "1.0.0");

        var first = (await cli.JsonAsync("deploy", "--project", "Shop", "--release", "1.0.0", "--environment", "Production")).Str("Id");
        var second = (await cli.JsonAsync("deploy", "--project", "Shop", "--release", "1.0.0", "--environment", "Production")).Str("Id");
        var other = (await cli.JsonAsync("deploy", "--project", "Shop", "--release", "1.0.0", "--environment", "Test")).Str("Id");
        foreach (var id in new[] { first, second, other })
            (await cli.RunAsync("task", "wait", id)).ShouldExit(0);

        long Read(string id, string edge) => long.Parse(File.ReadAllText(Path.Combine(work, $"{id}-{edge}")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Read(second, "start") >= Read(first, "end"), "the second deployment to Production overlapped the first");
        Assert.True(Read(other, "start") < Read(first, "end"), "the deployment to Test waited for Production");
        Assert.Contains($"Waiting for {first}", (await cli.RunAsync("task", "log", second)).ShouldExit(0).StdOut);
        await server.StopAsync();
    }

    private static async Task<JsonNode> WaitForInterventionAsync(OctoLiteCli cli, string id, CancellationToken deadline)
    {
        while (true)
        {
            var task = await cli.JsonAsync("task", "show", id);
            if (task.Bool("HasPendingInterruptions"))
                return task;
            Assert.NotEqual("Failed", task.Str("State"));
            await Task.Delay(100, deadline);
        }
    }
}
