using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary><c>task list|show|log|wait|cancel</c> against a real server running real bash steps.</summary>
public sealed class TaskCliTests
{
    private const string Secret = "cli-S3cret-7731";

    [Fact]
    public async Task ListAndShow_Table_AndJson_MaskSensitiveOutputVariables()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.VariableAsync("Password", Secret, sensitive: true);
        await cli.RunbookAsync("Pass",
            TaskCli.Bash("Make", """
                echo "using #{Password}"
                set_octopusvariable "Colour" "blue"
                set_octopusvariable "Token" "#{Password}-derived" -sensitive
                """),
            TaskCli.Bash("Use", """echo "got #{Octopus.Action[Make].Output.Colour}" """));
        var run = await cli.RunAsync("runbook", "run", "Pass", "--project", "Ops", "--wait");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);

        var list = await cli.RunAsync("task", "list");
        var listJson = await cli.RunAsync("task", "list", "--state", "Success", "--project", "Ops", "-o", "json");
        var none = await cli.RunAsync("task", "list", "--state", "Active", "-o", "json");
        var show = await cli.RunAsync("task", "show", "1");
        var showJson = await cli.RunAsync("task", "show", "ServerTasks-1", "-o", "json");
        var log = await cli.RunAsync("task", "log", "1");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"ServerTasks-1\s+Success\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d+\.\ds\s+Run runbook Pass of project Ops", list.Out);
        Assert.Equal("ServerTasks-1", Assert.Single(JsonNode.Parse(listJson.Out)!.AsArray())!["Id"]!.GetValue<string>());
        Assert.Equal("[]", none.Out.Trim());
        Assert.Equal(0, show.ExitCode);
        Assert.Matches(@"State:\s+Success", show.Out);
        Assert.Matches(@"1\s+Make\s+Success\s+0\s+\d+\.\ds\s+built-in worker", show.Out);
        Assert.Matches(@"Octopus\.Action\[Make\]\.Output\.Colour\s+blue", show.Out);
        Assert.Matches(@"Octopus\.Action\[Make\]\.Output\.Token\s+\*{8}", show.Out);
        var token = JsonNode.Parse(showJson.Out)!["OutputVariables"]!.AsArray().Single(v => v!["Name"]!.GetValue<string>() == "Token")!;
        Assert.True(token["IsSensitive"]!.GetValue<bool>());
        Assert.Null(token["Value"]);
        Assert.Contains("using ********", log.Out);
        Assert.Contains("got blue", log.Out);
        foreach (var printed in new[] { run.Out, run.Error, list.Out, listJson.Out, show.Out, showJson.Out, log.Out })
        {
            Assert.DoesNotContain(Secret, printed);
        }
    }

    [Fact]
    public async Task List_BadState_ExitsUsage_ListingTheStates()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("task", "list", "--state", "Sleeping");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Sleeping", error);
        Assert.Contains("Executing", error);
    }

    [Fact]
    public async Task Log_PrintsLinesInOrder_AfterSkips_VerboseAddsLines_JsonIsOneLinePerLine()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Count", TaskCli.Bash("Loop", "for i in $(seq 1 30); do echo \"n=$i\"; done"));
        Assert.Equal(0, (await cli.RunAsync("runbook", "run", "Count", "--project", "Ops", "--wait")).ExitCode);

        var table = await cli.RunAsync("task", "log", "1");
        var verbose = await cli.RunAsync("task", "log", "1", "--verbose");
        var json = await cli.RunAsync("task", "log", "1", "-o", "json", "--verbose");
        var all = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var tenth = all.Single(l => l["Text"]!.GetValue<string>() == "n=10")["Sequence"]!.GetValue<long>();
        var after = await cli.RunAsync("task", "log", "1", "--after", tenth.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "json");

        Assert.Equal(0, table.ExitCode);
        var numbers = table.Out.Split('\n').Where(l => l.Contains("n=", StringComparison.Ordinal)).Select(l => int.Parse(l[(l.IndexOf("n=", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 30), numbers);
        Assert.Contains("Step 1: Loop", table.Out);
        Assert.DoesNotContain("Verbose", table.Out);
        Assert.Contains("Verbose", verbose.Out);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(l => l["Sequence"]!.GetValue<long>()));
        var rest = after.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["Text"]!.GetValue<string>()).ToList();
        Assert.Equal("n=11", rest[0]);
        Assert.DoesNotContain("n=10", rest);
    }

    [Fact]
    public async Task LogFollow_OfARunningTask_EndsWithTheTask()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Tick", TaskCli.Bash("Loop", "for i in 1 2 3; do echo \"tick $i\"; sleep 0.3; done"));
        var id = await cli.QueueAsync("Tick");

        var follow = await cli.RunAsync("task", "log", id, "--follow");

        Assert.Equal(0, follow.ExitCode);
        var ticks = follow.Out.Split('\n').Where(l => l.Contains("tick", StringComparison.Ordinal)).Select(l => l.Trim()[^6..]).ToList();
        Assert.Equal(["tick 1", "tick 2", "tick 3"], ticks);
        Assert.Contains($"{id} ended Success", follow.Error);
    }

    [Fact]
    public async Task CancelAndWait_ARunningTask_EndsCanceled_ExitCodes()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Slow", TaskCli.Bash("Sleep", "echo sleeping; sleep 30"));
        var id = await cli.QueueAsync("Slow");
        await cli.WaitForStateAsync(id, "Executing");

        var timedOutWait = await cli.RunAsync("task", "wait", id, "--timeout", "0.5");
        var cancel = await cli.RunAsync("task", "cancel", id);
        var wait = await cli.RunAsync("task", "wait", id, "-o", "json");
        var again = await cli.RunAsync("task", "cancel", id);

        Assert.Equal(ExitCodes.StillRunning, timedOutWait.ExitCode);
        Assert.Contains($"{id} is still Executing after waiting 0.5 s; it keeps running", timedOutWait.Error);
        Assert.Matches(@"State:\s+Executing", timedOutWait.Out);
        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains($"Cancelling {id}", cancel.Out);
        Assert.Equal(ExitCodes.CancelledOrTimedOut, wait.ExitCode);
        Assert.Equal("Canceled", JsonNode.Parse(wait.Out)!["State"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("already finished", again.Error);
    }

    [Theory]
    [InlineData(ExitCodes.Ok, "true")]
    [InlineData(ExitCodes.Failed, "exit 4")]
    public async Task Wait_OfAFinishedTask_ExitsWithItsOutcome(int exitCode, string script)
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("R", TaskCli.Bash("S", script));
        var id = await cli.QueueAsync("R");

        var first = await cli.RunAsync("task", "wait", id);
        var second = await cli.RunAsync("task", "wait", id, "--timeout", "1");

        Assert.Equal(exitCode, first.ExitCode);
        Assert.Equal(exitCode, second.ExitCode);
    }

    [Theory]
    [InlineData("show", "nope")]
    [InlineData("show", "ServerTasks-404")]
    [InlineData("log", "404")]
    [InlineData("log", "404", "--follow")]
    [InlineData("wait", "404")]
    [InlineData("cancel", "404")]
    [InlineData("artifact", "list", "404")]
    [InlineData("artifact", "get", "404", "x.bin", "--to", "/tmp")]
    public async Task UnknownTask_ExitsUsage_NamingTheId(params string[] verb)
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, output, error) = await server.CliAsync(["task", .. verb]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", output);
        Assert.Contains(verb.Contains("nope") ? "'nope'" : "404", error);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public async Task Wait_WithANonPositiveTimeout_ExitsUsage()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, _, error) = await server.CliAsync("task", "wait", "1", "--timeout", "0");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--timeout", error);
    }
}
