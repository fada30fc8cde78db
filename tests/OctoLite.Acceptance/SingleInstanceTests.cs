using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class SingleInstanceTests
{
    [BinaryFact]
    public async Task SecondServer_OnTheSameDataDir_Refuses_AndLeavesTheFirstRunning()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var first = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var poolId = (await first.Cli.JsonAsync("pool", "create", "--name", "Before")).Str("Id");

        var second = await OctoLiteProcess.RunAsync(["server", "run", "--data-dir", dir.Path, "--listen", "127.0.0.1:0"],
            deadline.Token, TimeSpan.FromSeconds(15));

        Assert.True(second.ExitCode != 0, $"a second server started on a data dir in use\n{second}");
        Assert.Contains("already running", second.StdErr);
        Assert.False(first.HasExited, $"the first server died\n{first.Log}");
        Assert.True(File.Exists(first.SocketPath), "the second server removed the first server's socket");
        var info = await first.Cli.JsonAsync("server", "info");
        Assert.Equal(first.ProcessId, info.Int("ProcessId"));
        Assert.Equal(poolId, (await first.Cli.JsonAsync("pool", "show", "Before")).Str("Id"));
        await first.Cli.JsonAsync("pool", "create", "--name", "After");
    }
}
