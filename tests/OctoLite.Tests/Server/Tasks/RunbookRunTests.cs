using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>Runbook runs end to end through a real server: real bash processes, real LiteDB file, the REST API.</summary>
public sealed class RunbookRunTests
{
    [Fact]
    public async Task Run_PrintsLines_UsesVariables_AndSucceeds()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.VariableAsync("Greeting", "hello");
        await api.RunbookAsync("Say", TaskApi.Bash("Greet", """
            echo "#{Greeting} from #{Octopus.Task.Id} in #{Octopus.Project.Name}/#{Octopus.Runbook.Name} step #{Octopus.Step.Name}"
            echo "second line"
            """));

        var id = await api.RunAsync("Say");
        var task = await api.WaitAsync(id);
        var lines = await api.LogAsync(id);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal(TaskEngineName(), task["ServerNode"]!.GetValue<string>());
        Assert.NotNull(task["StartTime"]);
        Assert.NotNull(task["CompletedTime"]);
        var step = task["Steps"]![0]!;
        Assert.Equal("Success", step["State"]!.GetValue<string>());
        Assert.Equal(0, step["ExitCode"]!.GetValue<int>());
        Assert.Equal("built-in worker", step["Worker"]!.GetValue<string>());
        var texts = lines.Select(l => l["Text"]!.GetValue<string>()).ToList();
        var hello = texts.IndexOf($"hello from {id} in Ops/Say step Greet");
        Assert.True(hello >= 0, string.Join("\n", texts));
        Assert.Equal("second line", texts[hello + 1]);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l["Sequence"]!.GetValue<long>()));
        Assert.Equal(lines.Count, task["LogLineCount"]!.GetValue<long>());

        // The log is a tree: the script's lines sit in the worker block under the step's block.
        var blocks = task["LogBlocks"]!.AsArray();
        var scriptBlock = lines[hello]["Block"]!.GetValue<string>();
        var parent = blocks.Single(b => b!["Id"]!.GetValue<string>() == scriptBlock)!["ParentId"]!.GetValue<string>();
        Assert.Equal(step["StepId"]!.GetValue<string>(), parent);
        Assert.Contains(blocks, b => b!["Name"]!.GetValue<string>() == "Step 1: Greet");
    }

    [Fact]
    public async Task OutputVariables_ReachLaterSteps_AndTheExitCodeIsRecorded()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Pass", TaskApi.Bash("Make", """set_octopusvariable "Colour" "blue" """),
            TaskApi.Bash("Use", """echo "got #{Octopus.Action[Make].Output.Colour} after exit #{Octopus.Action[Make].Output.Octopus.Action.Script.ExitCode}" """));

        var id = await api.RunAsync("Pass");
        var task = await api.WaitAsync(id);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Contains("got blue after exit 0", await api.LogTextAsync(id));
        var outputs = task["OutputVariables"]!.AsArray();
        Assert.Contains(outputs, o => o!["Name"]!.GetValue<string>() == "Colour" && o["Value"]!.GetValue<string>() == "blue" && o["FullName"]!.GetValue<string>() == "Octopus.Action[Make].Output.Colour");
    }

    [Fact]
    public async Task FailingStep_FailsTheTask_NamesTheStep_AndSkipsTheRest()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Break", TaskApi.Bash("Fine", "echo ok"), TaskApi.Bash("Boom", "echo about to fail; exit 3"), TaskApi.Bash("Never", "echo never"));

        var id = await api.RunAsync("Break");
        var task = await api.WaitAsync(id);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("Boom", task["ErrorMessage"]!.GetValue<string>());
        Assert.True(task["HasWarningsOrErrors"]!.GetValue<bool>());
        Assert.Equal(["Success", "Failed", "Skipped"], task["Steps"]!.AsArray().Select(s => s!["State"]!.GetValue<string>()));
        Assert.Equal(3, task["Steps"]![1]!["ExitCode"]!.GetValue<int>());
        Assert.DoesNotContain("never", await api.LogTextAsync(id));
    }

    [Fact]
    public async Task FailStep_MessageBecomesTheError()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Refuse", TaskApi.Bash("Check", """fail_step "disk is full" """));

        var task = await api.WaitAsync(await api.RunAsync("Refuse"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("disk is full", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task SensitiveValues_NeverReachTheStoredLog_TheApi_OrTheDataFile()
    {
        const string secret = "s3cr3t-P@ss-9431";
        const string outputSecret = "OUT-SECRET-77812"; // made by the script, so it is nowhere in the stored process
        using var directory = new TempDirectory();
        var server = await RunningServer.StartAsync(directory);
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.VariableAsync("Password", secret, sensitive: true);
        await api.RunbookAsync("Leak", TaskApi.Bash("Try", $$"""
            echo "plain #{Password}"
            echo "env $Password"
            echo "b64 $(printf %s '#{Password}' | base64)"
            echo "helper $(get_octopusvariable Password)"
            token="$(printf 'out-secret-77812' | tr a-z A-Z)"
            set_octopusvariable "Token" "$token" -sensitive
            echo "again $token"
            echo "stderr #{Password}" >&2
            """), TaskApi.Bash("Later", "echo \"later #{Octopus.Action[Try].Output.Token}\""));

        var id = await api.RunAsync("Leak");
        var task = await api.WaitAsync(id);
        var log = string.Join("\n", await api.LogTextAsync(id));
        var taskJson = task.ToJsonString();
        var sse = await server.Socket.GetStringAsync($"api/tasks/{id}/log/stream");
        await server.DisposeAsync();

        Assert.True(log.Contains("later ********", StringComparison.Ordinal), log);
        Assert.Contains("plain ********", log);
        Assert.Contains("helper ********", log);
        Assert.Contains("again ********", log);
        foreach (var value in new[] { secret, outputSecret, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)) })
        {
            Assert.DoesNotContain(value, log);
            Assert.DoesNotContain(value, taskJson);
            Assert.DoesNotContain(value, sse);
            foreach (var file in Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain(value, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            }
        }
    }

    [Fact]
    public async Task Artifacts_AreStoredWithTheTask_AndDownloadByteForByte()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Report", TaskApi.Bash("Make", """
            head -c 3000000 /dev/urandom > data.bin
            cp data.bin "$TMPDIR/octolite-artifact-copy-#{Octopus.Task.Id}.bin" 2>/dev/null || true
            new_octopusartifact "$PWD/data.bin" "report.bin"
            new_octopusartifact data.bin
            """));

        var id = await api.RunAsync("Report");
        var task = await api.WaitAsync(id);
        var artifacts = await server.GetJsonAsync($"api/tasks/{id}/artifacts");
        Assert.True(artifacts.AsArray().Count == 2, string.Join("\n", await api.LogTextAsync(id)) + artifacts.ToJsonString());
        var byName = await server.Socket.GetByteArrayAsync($"api/tasks/{id}/artifacts/report.bin/content");
        var artifactId = artifacts[0]!["Id"]!.GetValue<string>();
        var byId = await server.Socket.GetByteArrayAsync($"api/artifacts/{artifactId}/content");
        var missing = await server.Socket.GetAsync($"api/tasks/{id}/artifacts/nope.bin/content");

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal(["report.bin", "data.bin"], artifacts.AsArray().Select(a => a!["Filename"]!.GetValue<string>()));
        Assert.Equal(3_000_000, byName.Length);
        Assert.Equal(byName, byId);
        Assert.Equal(artifacts[0]!["Sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(byName)));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WorkingFolder_IsRemovedAfterTheStep_UnlessConfiguredToKeepIt()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Where", TaskApi.Bash("Here", "pwd; touch left-behind"));

        var first = await api.RunAsync("Where");
        await api.WaitAsync(first);
        await api.SetConfigurationAsync("""{"BuiltInWorkerKeepWorkingFolders":true}""");
        var second = await api.RunAsync("Where");
        var task = await api.WaitAsync(second);

        var stepId = task["Steps"]![0]!["StepId"]!.GetValue<string>();
        Assert.Contains(Path.Combine(server.Paths.Directory, "work", first, stepId), await api.LogTextAsync(first));
        Assert.False(Directory.Exists(Path.Combine(server.Paths.Directory, "work", first)));
        Assert.True(File.Exists(Path.Combine(server.Paths.Directory, "work", second, stepId, "left-behind")));
    }

    [Fact]
    public async Task DisabledBuiltInWorker_FailsTheStep_NamingTheSetting()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Off", TaskApi.Bash("Any", "echo hi"));
        await api.SetConfigurationAsync("""{"BuiltInWorkerEnabled":false}""");

        var task = await api.WaitAsync(await api.RunAsync("Off"));

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("builtInWorker.enabled", task["ErrorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueuedRun_UsesTheProcessAsItWasWhenQueued()
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Snap", TaskApi.Bash("One", "echo version-one"));
        await api.SetConfigurationAsync("""{"IsDraining":true}""");
        var id = await api.RunAsync("Snap");
        var edit = await server.Socket.PutAsync("api/runbooks/Snap?project=Ops", RunningServer.Json("""{"Process":{"Steps":[{"Name":"One","Script":"echo version-two"}]}}"""));
        Assert.True(edit.IsSuccessStatusCode);
        await api.SetConfigurationAsync("""{"IsDraining":false}""");

        await api.WaitAsync(id);

        Assert.Contains("version-one", await api.LogTextAsync(id));
    }

    [Theory]
    [InlineData("""{"Timeout":"-00:00:01"}""", "Timeout")]
    [InlineData("""{"Timeout":"soon"}""", "Timeout")]
    [InlineData("""{"Colour":"red"}""", "Colour")]
    public async Task Run_WithBadBody_Is400NamingTheField_AndQueuesNothing(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();
        var api = new TaskApi(server);
        await api.ProjectAsync();
        await api.RunbookAsync("Any", TaskApi.Bash("Step", "true"));

        var response = await server.Socket.PostAsync("api/runbooks/Any/run?project=Ops", RunningServer.Json(body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Equal(0, (await server.GetJsonAsync("api/tasks"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownTaskOrRunbook_Is404()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/tasks/ServerTasks-99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.PostAsync("api/tasks/99/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.PostAsync("api/runbooks/nope/run?project=x", null)).StatusCode);
    }

    private static string TaskEngineName() => Environment.MachineName;
}
