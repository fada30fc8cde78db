using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Hosting;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary><c>runbook run</c> against a real server running real bash steps: queueing, --wait exit codes, --follow.</summary>
public sealed class RunbookRunCliTests
{
    [Fact]
    public async Task Run_WithoutWait_PrintsTheQueuedTask_AndExitsOk()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo hi"));

        var json = await cli.RunAsync("runbook", "run", "Say", "--project", "Ops", "-o", "json");
        var table = await cli.RunAsync("runbook", "run", "Runbooks-1");

        Assert.Equal(0, json.ExitCode);
        var task = JsonNode.Parse(json.Out)!;
        Assert.Equal("ServerTasks-1", task["Id"]!.GetValue<string>());
        Assert.Equal("Queued", task["State"]!.GetValue<string>());
        Assert.Contains("task log ServerTasks-1 --follow", json.Error);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"Id:\s+ServerTasks-2", table.Out);
        Assert.Matches(@"1\s+Greet\s+Pending", table.Out);
    }

    [Fact]
    public async Task Run_WithRunbookOptionAndEnvironment_RunsInThatEnvironment_AndTwoDifferentRunbooksAreRefused()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        Assert.Equal(0, (await cli.RunAsync("environment", "create", "--name", "Staging")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("variable", "set", "--project", "Ops", "--name", "Where", "--value", "staging box", "--environment", "Staging")).ExitCode);
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo \"in #{Octopus.Environment.Name} on #{Where}\""));

        var run = await cli.RunAsync("runbook", "run", "--project", "Ops", "--runbook", "Say", "--environment", "Staging", "--follow");
        var twice = await cli.RunAsync("runbook", "run", "Say", "--runbook", "Other", "--project", "Ops");
        var none = await cli.RunAsync("runbook", "run", "--project", "Ops");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("in Staging on staging box", run.Out);
        Assert.Equal(ExitCodes.Usage, twice.ExitCode);
        Assert.Contains("given twice", twice.Error);
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
        Assert.Contains("Which runbook?", none.Error);
    }

    [Theory]
    [InlineData("echo fine", null, null, ExitCodes.Ok, "Success")]
    [InlineData("echo about to fail; exit 3", null, null, ExitCodes.Failed, "Failed")]
    [InlineData("sleep 30", "00:00:01", null, ExitCodes.CancelledOrTimedOut, "TimedOut")]
    [InlineData("sleep 30", null, "00:00:01", ExitCodes.CancelledOrTimedOut, "TimedOut")]
    public async Task RunWait_ExitCode_FollowsTheTasksEnd(string script, string? stepTimeout, string? runTimeout, int exitCode, string state)
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("R", TaskCli.Bash("Only", script, stepTimeout));

        var run = await cli.RunAsync(["runbook", "run", "R", "--project", "Ops", "--wait", "-o", "json", .. runTimeout is null ? Array.Empty<string>() : ["--timeout", runTimeout]]);

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}\n{run.Out}\n{run.Error}");
        Assert.Equal(state, JsonNode.Parse(run.Out)!["State"]!.GetValue<string>());
        Assert.Contains($"ServerTasks-1 ended {state}", run.Error);
    }

    [Fact]
    public async Task RunWait_Table_ShowsTheStepsExitCode()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Break", TaskCli.Bash("Fine", "echo ok"), TaskCli.Bash("Boom", "exit 3"), TaskCli.Bash("Never", "echo never"));

        var run = await cli.RunAsync("runbook", "run", "Break", "--project", "Ops", "--wait");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Matches(@"State:\s+Failed", run.Out);
        Assert.Matches(@"2\s+Boom\s+Failed\s+3\s", run.Out);
        Assert.Matches(@"3\s+Never\s+Skipped", run.Out);
        Assert.Contains("Step 'Boom' failed", run.Error);
    }

    [Fact]
    public async Task RunFollow_PrintsTheScriptsLinesInOrder_WithStepHeadings_AndASummaryOnStderr()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Count",
            TaskCli.Bash("First", "for i in 1 2 3 4 5; do echo \"line $i\"; sleep 0.05; done; echo \"warned\" >&2"),
            TaskCli.Bash("Second", "echo \"last line\""));

        var run = await cli.RunAsync("runbook", "run", "Count", "--project", "Ops", "--follow");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var texts = lines.Select(l => l.Length > 20 ? l[20..].Trim() : l).ToList();
        string[] expected = ["Step 1: First", "line 1", "line 2", "line 3", "line 4", "line 5", "Step 2: Second", "last line", "The task succeeded."];
        Assert.Equal(expected, texts.Where(expected.Contains));
        Assert.All(lines, l => Assert.Matches(@"^\d\d:\d\d:\d\d  \w+ +\S", l));
        Assert.Contains(lines, l => l.Contains("warned", StringComparison.Ordinal));
        Assert.DoesNotContain("Running on the built-in worker", run.Out);
        Assert.Contains("Queued ServerTasks-1", run.Error);
        Assert.Contains("ServerTasks-1 ended Success", run.Error);
    }

    [Fact]
    public async Task RunFollow_Json_IsOneLogLinePerLine_AndVerboseAddsVerboseLines()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo one; echo two"));

        var run = await cli.RunAsync("runbook", "run", "Say", "--project", "Ops", "--follow", "--verbose", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var sequences = lines.Select(l => l["Sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var texts = lines.Select(l => l["Text"]!.GetValue<string>()).ToList();
        Assert.True(texts.IndexOf("one") >= 0 && texts.IndexOf("two") == texts.IndexOf("one") + 1, string.Join("\n", texts));
        Assert.Contains(lines, l => l["Level"]!.GetValue<string>() == "Verbose");
    }

    [Fact]
    public async Task RunFollow_OverTcpWithAnApiKey_StreamsTheLog()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo over tcp"));
        var key = JsonNode.Parse((await cli.RunAsync("apikey", "create", "--name", "ci", "-o", "json")).Out)!["ApiKey"]!.GetValue<string>();

        var run = await RunningServer.Cli(["runbook", "run", "Say", "--project", "Ops", "--follow", "--server", server.TcpUrl.ToString(), "--api-key", key]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("over tcp", run.Out);
    }

    [Fact]
    public async Task RunFollow_CtrlC_StopsFollowingOnly_AndTheTaskKeepsRunning()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Slow", TaskCli.Bash("Wait", "echo started; sleep 30"));
        var output = new SyncWriter();
        var error = new SyncWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestTimeout.Token());

        var running = CliProgram.RunAsync(["--data-dir", server.Paths.Directory, "runbook", "run", "Slow", "--project", "Ops", "--follow"],
            new EnvironmentVariables(_ => null), output, error, ctrlC.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!output.Text.Contains("started", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, output.Text + error.Text);
            await Task.Delay(20);
        }

        await ctrlC.CancelAsync();
        var exitCode = await running;

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Contains("Stopped following ServerTasks-1; the task keeps running", error.Text);
        Assert.Equal("Executing", (await cli.TaskAsync("ServerTasks-1"))["State"]!.GetValue<string>());
        Assert.Equal(0, (await cli.RunAsync("task", "cancel", "1")).ExitCode);
        Assert.Equal(ExitCodes.CancelledOrTimedOut, (await cli.RunAsync("task", "wait", "1")).ExitCode);
    }

    [Fact]
    public async Task Run_UnknownRunbookOrBadTimeout_ExitsUsage_NamingIt()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo hi"));

        var unknown = await cli.RunAsync("runbook", "run", "Nope", "--project", "Ops", "--wait");
        var negative = await cli.RunAsync("runbook", "run", "Say", "--project", "Ops", "--timeout", "-00:00:05");
        var garbage = await cli.RunAsync("runbook", "run", "Say", "--project", "Ops", "--timeout", "soon");

        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("'Nope'", unknown.Error);
        Assert.Equal(ExitCodes.Usage, negative.ExitCode);
        Assert.Contains("Timeout", negative.Error);
        Assert.Equal(ExitCodes.Usage, garbage.ExitCode);
        Assert.Contains("soon", garbage.Error);
        Assert.Equal("[]", (await cli.RunAsync("task", "list", "-o", "json")).Out.Trim());
    }

    /// <summary>A writer the test can read while the CLI writes to it from another thread.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
        }
    }
}
