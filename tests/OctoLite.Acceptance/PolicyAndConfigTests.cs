using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class PolicyAndConfigTests
{
    [BinaryFact]
    public async Task Policies_CreateUpdateDelete_OverTheCli()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;
        var defaultPolicy = Assert.Single((await cli.JsonAsync("policy", "list")).Items());
        Assert.True(defaultPolicy.Bool("IsDefault"));

        var created = await cli.JsonAsync("policy", "create", "--name", "Fast checks", "--description", "every half hour",
            "--health-check-interval", "00:30:00", "--connection-retries", "3");
        var id = created.Str("Id");
        Assert.Equal("Fast checks", created.Str("Name"));
        Assert.Equal("every half hour", created.Str("Description"));
        Assert.Equal("00:30:00", created.Str("HealthCheckInterval"));
        Assert.Equal(3, created.Int("ConnectionRetryCountLimit"));
        Assert.False(created.Bool("IsDefault"));

        var updated = await cli.JsonAsync("policy", "update", "Fast checks", "--name", "Faster checks", "--health-check-interval", "00:10:00");
        Assert.Equal(id, updated.Str("Id"));
        var shown = await cli.JsonAsync("policy", "show", id);
        Assert.Equal("Faster checks", shown.Str("Name"));
        Assert.Equal("00:10:00", shown.Str("HealthCheckInterval"));
        Assert.Equal(3, shown.Int("ConnectionRetryCountLimit"));

        await cli.FailsAsync(2, "policy", "delete", defaultPolicy.Str("Name"));

        await cli.JsonAsync("policy", "delete", "Faster checks");
        Assert.NotEqual(0, (await cli.RunAsync("policy", "show", id)).ExitCode);
        Assert.Equal([defaultPolicy.Str("Id")], (await cli.JsonAsync("policy", "list")).Items().Select(p => p.Str("Id")));
    }

    [BinaryFact]
    public async Task Config_SetThenGet_AndRefusesBadValuesAndKeys()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;
        Assert.Equal(5, (await cli.JsonAsync("config", "get")).Int("TaskCap"));

        (await cli.RunAsync("config", "set", "taskCap", "9")).ShouldExit(0);
        Assert.Equal("9", (await cli.RunAsync("config", "get", "taskCap")).ShouldExit(0).StdOut.Trim());
        Assert.Equal(9, (await cli.JsonAsync("config", "get")).Int("TaskCap"));

        var notANumber = await cli.FailsAsync(2, "config", "set", "taskCap", "abc");
        Assert.Contains("taskCap", notANumber.StdErr);
        var unknownKey = await cli.FailsAsync(2, "config", "set", "unknown.key", "1");
        Assert.Contains("unknown.key", unknownKey.StdErr);

        Assert.Equal(9, (await cli.JsonAsync("config", "get")).Int("TaskCap"));
    }
}
