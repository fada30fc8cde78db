using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

public sealed class PoolLifecycleTests
{
    [BinaryFact]
    public async Task Pools_CreateShowUpdateReorderSetDefaultDelete_OverTheCli()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();
        await using var server = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var cli = server.Cli;

        var initial = await cli.JsonAsync("pool", "list");
        var defaultPool = Assert.Single(initial.Items());
        Assert.Equal("Default Worker Pool", defaultPool.Str("Name"));
        Assert.True(defaultPool.Bool("IsDefault"));
        var defaultId = defaultPool.Str("Id");

        var build = await cli.JsonAsync("pool", "create", "--name", "Build Pool", "--description", "compiles things");
        var buildId = build.Str("Id");
        Assert.NotEqual(defaultId, buildId);
        Assert.Equal("Build Pool", build.Str("Name"));
        Assert.Equal("compiles things", build.Str("Description"));
        Assert.False(build.Bool("IsDefault"));

        var byName = await cli.JsonAsync("pool", "show", "Build Pool");
        var byId = await cli.JsonAsync("pool", "show", buildId);
        Assert.True(JsonNode.DeepEquals(build, byName), $"show by name differs from create: {byName.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(build, byId), $"show by id differs from create: {byId.ToJsonString()}");

        var updated = await cli.JsonAsync("pool", "update", buildId, "--name", "Builders", "--description", "compiles more", "--sort-order", "7");
        Assert.Equal(buildId, updated.Str("Id"));
        Assert.Equal("Builders", updated.Str("Name"));
        Assert.Equal("compiles more", updated.Str("Description"));
        Assert.Equal(7, updated.Int("SortOrder"));
        Assert.Equal(buildId, (await cli.JsonAsync("pool", "show", "Builders")).Str("Id"));
        Assert.NotEqual(0, (await cli.RunAsync("pool", "show", "Build Pool")).ExitCode);

        var deployId = (await cli.JsonAsync("pool", "create", "--name", "Deploy Pool")).Str("Id");
        await cli.JsonAsync("pool", "reorder", "Deploy Pool", buildId);
        Assert.Equal(["Deploy Pool", "Builders", "Default Worker Pool"], (await cli.JsonAsync("pool", "list")).Names());

        var newDefault = await cli.JsonAsync("pool", "set-default", "Builders");
        Assert.True(newDefault.Bool("IsDefault"));
        var afterSetDefault = await cli.JsonAsync("pool", "list");
        Assert.Equal([buildId], afterSetDefault.Items().Where(p => p.Bool("IsDefault")).Select(p => p.Str("Id")));
        Assert.False(afterSetDefault.ById(defaultId).Bool("IsDefault"));

        var refused = await cli.FailsAsync(2, "pool", "delete", "Builders");
        Assert.Contains("default", refused.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.True(JsonNode.DeepEquals(afterSetDefault, await cli.JsonAsync("pool", "list")), "refusing to delete the default pool changed the pools");

        var duplicate = await cli.FailsAsync(2, "pool", "create", "--name", "Deploy Pool");
        Assert.Contains("Name", duplicate.StdErr);
        Assert.True(JsonNode.DeepEquals(afterSetDefault, await cli.JsonAsync("pool", "list")), "a refused duplicate changed the pools");

        await cli.JsonAsync("pool", "delete", deployId);
        Assert.NotEqual(0, (await cli.RunAsync("pool", "show", deployId)).ExitCode);
        Assert.Equal(["Builders", "Default Worker Pool"], (await cli.JsonAsync("pool", "list")).Names());
    }
}
