using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>
/// A runbook run through the published binary: <c>runbook run --wait --follow</c> streams the log in order with the
/// sensitive value masked, an output variable reaches the next step, and the artifact downloads byte for byte.
/// </summary>
public sealed class RunbookRunTests
{
    private const string Secret = "acceptance-Run-S3cret-5b07";

    [BinaryFact]
    public async Task RunWaitFollow_StreamsTheLogInOrder_MasksTheSecret_PassesOutputs_AndArtifactsRoundTrip()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var dir = new TempDirectory();
        var payload = new byte[250_000];
        new Random(7).NextBytes(payload);
        var payloadFile = dir.Combine("payload.bin");
        await File.WriteAllBytesAsync(payloadFile, payload);
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "Prepare",
                    ["syntax"] = "Bash",
                    ["script"] = $$"""
                        echo "step one starts"
                        echo "password is #{DbPassword}"
                        echo "greeting #{Greeting}"
                        set_octopusvariable "Colour" "teal"
                        cp '{{payloadFile}}' report.bin
                        new_octopusartifact "$PWD/report.bin" "report.bin"
                        echo "step one ends"
                        """,
                },
                new JsonObject
                {
                    ["name"] = "Use",
                    ["syntax"] = "Bash",
                    ["script"] = """echo "colour from step one: #{Octopus.Action[Prepare].Output.Colour}" """,
                }),
        }.ToJsonString());

        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        await cli.JsonAsync("project", "create", "--name", "Shop");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "Greeting", "--value", "hello");
        await cli.JsonAsync("variable", "set", "--project", "Shop", "--name", "DbPassword", "--value", Secret, "--sensitive");
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Deploy", "--file", processFile);

        var run = (await cli.RunAsync("runbook", "run", "Deploy", "--project", "Shop", "--wait", "--follow")).ShouldExit(0);
        var artifacts = await cli.JsonAsync("task", "artifact", "list", "ServerTasks-1");
        var target = dir.Combine("downloaded.bin");
        var get = (await cli.RunAsync("task", "artifact", "get", "1", "report.bin", "--to", target)).ShouldExit(0);
        var show = (await cli.RunAsync("task", "show", "1")).ShouldExit(0);
        var showJson = await cli.JsonAsync("task", "show", "1");
        var jsonLog = (await cli.RunAsync("task", "log", "1", "-o", "json")).ShouldExit(0);

        string[] inOrder = ["Step 1: Prepare", "step one starts", "password is ********", "greeting hello", "step one ends", "Step 2: Use", "colour from step one: teal", "The task succeeded."];
        var positions = inOrder.Select(text => run.StdOut.IndexOf(text, StringComparison.Ordinal)).ToList();
        Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()), $"lines missing or out of order {string.Join(",", positions)}\n{run}");
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d  Info +step one starts\r?$", run.StdOut);
        Assert.Contains("ServerTasks-1 ended Success", run.StdErr);
        Assert.Equal(["report.bin"], artifacts.Items().Select(a => a.Str("Filename")));
        Assert.Contains("(250000 bytes)", get.StdOut);
        Assert.Equal(payload, await File.ReadAllBytesAsync(target));
        Assert.Matches(@"Octopus\.Action\[Prepare\]\.Output\.Colour\s+teal", show.StdOut);
        Assert.Equal("Success", showJson.Str("State"));
        foreach (var line in jsonLog.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.NotNull(JsonNode.Parse(line)?["Sequence"]);
        var printed = new StringBuilder().Append(run).Append(get).Append(show).Append(showJson.ToJsonString()).Append(jsonLog).ToString();
        Assert.DoesNotContain(Secret, printed);
        await server.StopAsync();
    }

    [BinaryFact]
    public async Task RunFollow_SigInt_StopsFollowingWith130_AndTheTaskKeepsRunning()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        var processFile = dir.Combine("process.json");
        await File.WriteAllTextAsync(processFile, """{"steps":[{"name":"Slow","script":"echo started; sleep 60"}]}""");
        await using var server = await ServerFixture.StartAsync(dir.Combine("data"), deadline.Token);
        var cli = server.Cli;
        await cli.JsonAsync("project", "create", "--name", "Shop");
        await cli.JsonAsync("runbook", "create", "--project", "Shop", "--name", "Slow", "--file", processFile);

        using var follower = new Process { StartInfo = OctoLiteProcess.StartInfo(["runbook", "run", "Slow", "--project", "Shop", "--follow", "--data-dir", server.DataDir]) };
        var stdout = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        follower.OutputDataReceived += (_, e) =>
        {
            lock (stdout)
                stdout.AppendLine(e.Data);
            if (e.Data?.EndsWith("started", StringComparison.Ordinal) == true)
                started.TrySetResult();
        };
        follower.Start();
        follower.StandardInput.Close();
        follower.BeginOutputReadLine();
        var stderr = follower.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30), deadline.Token);
            PosixSignals.Send(follower.Id, PosixSignals.SigInt);
            await follower.WaitForExitAsync(deadline.Token).WaitAsync(TimeSpan.FromSeconds(20), deadline.Token);
        }
        finally
        {
            OctoLiteProcess.KillTree(follower);
        }

        Assert.True(follower.ExitCode == 130, $"exit {follower.ExitCode}\n{stdout}\n{await stderr}");
        Assert.Contains("Stopped following ServerTasks-1; the task keeps running", await stderr);
        Assert.Equal("Executing", (await cli.JsonAsync("task", "show", "1")).Str("State"));
        (await cli.RunAsync("task", "cancel", "1")).ShouldExit(0);
        (await cli.RunAsync("task", "wait", "1", "--timeout", "30")).ShouldExit(3);
        await server.StopAsync();
    }
}
