using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary><c>server drain</c>: while drained a queued task stays queued; undrained, it runs.</summary>
public sealed class ServerDrainCliTests
{
    [Fact]
    public async Task Drain_KeepsANewTaskQueued_UntilDrainOff()
    {
        await using var server = await RunningServer.StartAsync();
        var cli = new TaskCli(server);
        await cli.ProjectAsync();
        await cli.RunbookAsync("Say", TaskCli.Bash("Greet", "echo hi"));

        var drained = await cli.RunAsync("server", "drain", "-o", "json");
        var id = await cli.QueueAsync("Say");
        await Task.Delay(500);
        var stillQueued = await cli.TaskAsync(id);
        var info = await cli.RunAsync("server", "info");
        var undrained = await cli.RunAsync("server", "drain", "--off");
        var wait = await cli.RunAsync("task", "wait", id, "--timeout", "20");

        Assert.Equal(0, drained.ExitCode);
        Assert.True(JsonNode.Parse(drained.Out)!["IsDraining"]!.GetValue<bool>());
        Assert.Equal("Queued", stillQueued["State"]!.GetValue<string>());
        Assert.Matches(@"Task queue:\s+1 queued, 0 executing, task cap 5, drained", info.Out);
        Assert.Equal(0, undrained.ExitCode);
        Assert.Contains("is not drained", undrained.Out);
        Assert.Matches(@"Draining:\s+no", undrained.Out);
        Assert.Equal(0, wait.ExitCode);
    }
}
