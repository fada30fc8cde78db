using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Workers;

/// <summary>Steps in a pool of listening tentacles run on the tentacle: a real server, a real agent, real bash, mutual TLS on loopback.</summary>
public sealed class ListeningTentacleTests
{
    [Fact]
    public async Task RemoteStep_RunsOnTheTentacle_LinesInOrder_SecretMasked_OutputReachesNextStep_ArtifactByteExact()
    {
        const string secret = "tentacle-s3cr3t-5521";
        await using var fixture = await ListeningTentacle.StartAsync();
        var api = fixture.Api;
        await api.VariableAsync("Password", secret, sensitive: true);
        await api.RunbookAsync("Remote", ListeningTentacle.Remote("Make", """
            for i in $(seq 1 200); do echo "line $i"; done
            echo "the password is #{Password}"
            echo "warned" >&2
            set_octopusvariable "Colour" "green"
            head -c 300000 /dev/urandom > data.bin
            sha256sum data.bin | cut -d' ' -f1 > data.sha
            new_octopusartifact data.bin report.bin
            echo "pid $$ home $HOME"
            """), ListeningTentacle.Remote("Use", """echo "colour #{Octopus.Action[Make].Output.Colour} exit #{Octopus.Action[Make].Output.Octopus.Action.Script.ExitCode}" """));

        var id = await api.RunAsync("Remote");
        var task = await api.WaitAsync(id);
        var texts = await api.LogTextAsync(id);
        var log = string.Join("\n", texts);

        Assert.True(task["State"]!.GetValue<string>() == "Success", log);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"line {i}"), texts.Where(t => t.StartsWith("line ", StringComparison.Ordinal)));
        Assert.Contains("the password is ********", texts);
        Assert.DoesNotContain(secret, log);
        Assert.Contains("colour green exit 0", texts);
        Assert.Contains(texts, t => t.StartsWith("Running on worker tentacle-1, a listening tentacle at https://127.0.0.1:", StringComparison.Ordinal));
        var steps = task["Steps"]!.AsArray();
        Assert.All(steps, s => Assert.Equal(ListeningTentacle.WorkerName, s!["Worker"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.Equal(ListeningTentacle.WorkerName, s!["Invocations"]![0]!["Worker"]!.GetValue<string>()));

        var artifacts = (await fixture.Server.GetJsonAsync($"api/tasks/{id}/artifacts")).AsArray();
        var artifact = Assert.Single(artifacts);
        Assert.Equal("report.bin", artifact!["Filename"]!.GetValue<string>());
        var content = await fixture.Server.Socket.GetByteArrayAsync($"api/tasks/{id}/artifacts/report.bin/content");
        Assert.Equal(300_000, content.Length);
        Assert.Equal(artifact["Sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(content)));

        // The server told the tentacle it had everything: no workspace is left behind there, nor downloads here.
        Assert.Empty(Directory.EnumerateFiles(fixture.TentacleHome, "data.bin", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(fixture.Server.Paths.WorkFolder, id)));
    }

    [Fact]
    public async Task FailingRemoteStep_FailsWithItsExitCode_AndLaterStepsAreSkipped()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        await fixture.Api.RunbookAsync("Break", ListeningTentacle.Remote("Boom", "echo going down; exit 7"), ListeningTentacle.Remote("Never", "echo never"));

        var id = await fixture.Api.RunAsync("Break");
        var task = await fixture.Api.WaitAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Equal(7, task["Steps"]![0]!["ExitCode"]!.GetValue<int>());
        Assert.Equal(["Failed", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.Contains("going down", await fixture.Api.LogTextAsync(id));
    }

    [Fact]
    public async Task Cancel_OfARemoteStep_KillsTheScriptOnTheTentacle()
    {
        using var work = new TempDirectory();
        await using var fixture = await ListeningTentacle.StartAsync();
        await fixture.Api.RunbookAsync("Hang", ListeningTentacle.Remote("Sleep", $$"""
            echo $$ > '{{work.Path}}/script.pid'
            echo started
            sleep 300
            """), ListeningTentacle.Remote("After", "echo must not run"));
        var id = await fixture.Api.RunAsync("Hang");
        await OctoLite.Tests.Scripting.Processes.ProcTable.WaitUntilAsync(() => File.Exists(work.Combine("script.pid")) && File.ReadAllText(work.Combine("script.pid")).EndsWith('\n'), TestTimeout.Token());
        var pid = int.Parse(File.ReadAllText(work.Combine("script.pid")).Trim());
        // The server follows the script once its first line came back (before that, a cancel stops it as "not started").
        var following = TestTimeout.Token(20);
        while (!(await fixture.Api.LogTextAsync(id)).Contains("started"))
        {
            await Task.Delay(20, following);
        }

        var cancel = await fixture.Server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        var task = await fixture.Api.WaitAsync(id, 30);
        var texts = await fixture.Api.LogTextAsync(id);

        Assert.True(cancel.IsSuccessStatusCode);
        Assert.Equal("Canceled", task["State"]!.GetValue<string>());
        Assert.Equal(["Canceled", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.False(OctoLite.Tests.Scripting.Processes.ProcTable.IsRunning(pid), $"the script (pid {pid}) survived the cancel");
        Assert.Contains("Stopping the script on the tentacle: the step was canceled.", texts);
        Assert.DoesNotContain("must not run", texts);
    }

    [Fact]
    public async Task StepTimeout_IsEnforcedOnTheTentacle()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        await fixture.Api.RunbookAsync("Slow", ListeningTentacle.Remote("Sleep", "echo sleeping; sleep 60", timeout: "00:00:01"));

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Slow"), 30);

        Assert.Equal("TimedOut", task["State"]!.GetValue<string>());
        Assert.Equal("TimedOut", task["Steps"]![0]!["State"]!.GetValue<string>());
    }

    [Fact]
    public async Task TasksOfOnePool_SpreadOverItsListeningWorkers()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        await using var second = await ListeningTentacle.StartAgentAsync(Path.Combine(fixture.TentacleHome + "-2"), [fixture.ServerThumbprint]);
        var (exitCode, output, error) = await fixture.Server.CliAsync("worker", "register-listening", "--name", "tentacle-2", "--uri", second.ListenUri!.ToString(),
            "--thumbprint", second.Thumbprint, "--pool", ListeningTentacle.Pool, "--no-check");
        Assert.True(exitCode == 0, output + error);
        await fixture.Api.RunbookAsync("Spread", ListeningTentacle.Remote("Both", "sleep 1; echo done"));

        var first = await fixture.Api.RunAsync("Spread");
        var other = await fixture.Api.RunAsync("Spread");
        var tasks = new[] { await fixture.Api.WaitAsync(first, 30), await fixture.Api.WaitAsync(other, 30) };

        Assert.All(tasks, t => Assert.Equal("Success", t["State"]!.GetValue<string>()));
        Assert.Equal(["tentacle-1", "tentacle-2"], tasks.Select(t => t["Steps"]![0]!["Worker"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task DisabledListeningWorkers_AreNotUsed_AndThePoolSaysSo()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var (exitCode, _, error) = await fixture.Server.CliAsync("worker", "disable", ListeningTentacle.WorkerName);
        Assert.True(exitCode == 0, error);
        await fixture.Api.SetConfigurationAsync("""{"WorkerLeaseTimeout":"00:00:00"}""");
        await fixture.Api.RunbookAsync("Off", ListeningTentacle.Remote("Try", "echo hi"));

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Off"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("pool Remote: 1 worker, 1 disabled", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task SshOnlyPool_IsRefusedClearly()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new OctoLite.Tests.Server.Tasks.TaskApi(server);
        await api.ProjectAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Remote"}"""));
        var created = await server.Socket.PostAsync("api/workers", RunningServer.Json("""{"Name":"s","WorkerPoolIds":["Remote"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"127.0.0.1","Username":"deploy"}}"""));
        Assert.True(created.IsSuccessStatusCode);
        var step = OctoLite.Tests.Server.Tasks.TaskApi.Bash("Try", "echo hi");
        step["WorkerPool"] = "Remote";
        await api.RunbookAsync("Ssh", step);

        var task = await api.WaitAsync(await api.RunAsync("Ssh"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("SSH workers arrive later", task["ErrorMessage"]!.GetValue<string>());
    }
}
