using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

public sealed class WorkspaceJanitorTests
{
    [Fact]
    public async Task Start_DeletesOrphanedWorkspacesOlderThanTheRetention_KeepsRecentOnes()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token, retention: TimeSpan.FromDays(1));
        var old = Path.Combine(tentacle.Home, "work", "old-ticket");
        var recent = Path.Combine(tentacle.Home, "work", "recent-ticket");
        Directory.CreateDirectory(old);
        Directory.CreateDirectory(recent);
        await File.WriteAllTextAsync(Path.Combine(old, "left.txt"), "x", token);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));

        await tentacle.RestartAsync(token); // sweeps at start

        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(recent));
    }

    [Fact]
    public async Task Sweep_NeverDeletesARunningScript()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token, retention: TimeSpan.Zero);
        var client = tentacle.Client();
        await client.StartAsync(new StartScriptCommand { Ticket = "busy", Script = "sleep 2; echo done" }, token);
        Directory.SetLastWriteTimeUtc(Path.Combine(tentacle.Home, "work", "busy"), DateTime.UtcNow.AddDays(-30));

        var janitor = new OctoLite.Tentacle.Agent.WorkspaceJanitor(
            new OctoLite.Tentacle.Agent.TentacleHome(tentacle.Home), tentacle.Agent.Scripts, TimeSpan.Zero,
            new OctoLite.Tentacle.Agent.TentacleAgentOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<OctoLite.Tentacle.Agent.WorkspaceJanitor>.Instance);
        var deleted = janitor.Sweep();

        Assert.DoesNotContain("busy", deleted);
        var (final, _) = await client.WaitAsync("busy", token);
        Assert.Equal("Success", final.Outcome);
    }
}
