using System.Text.Json.Nodes;
using OctoLite.Acceptance.Support;

namespace OctoLite.Acceptance;

/// <summary>
/// Every collection written by the AOT binary is read back by a fresh process on the same data
/// file: under Native AOT, a store mapping that was trimmed away fails only here.
/// </summary>
public sealed class StoreRoundTripTests
{
    private const string Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    [BinaryFact]
    public async Task EveryCollection_SurvivesARestart_WithTheSameIds()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TempDirectory();

        Snapshot before;
        string poolId, passiveId, sshId, policyId, apiKeyId, apiKey;
        string testId, productionId, targetId, disabledTargetId;
        await using (var first = await ServerFixture.StartAsync(dir.Path, deadline.Token))
        {
            var cli = first.Cli;
            poolId = (await cli.JsonAsync("pool", "create", "--name", "Edge", "--description", "air-gapped site", "--sort-order", "4")).Str("Id");
            await cli.JsonAsync("pool", "set-default", poolId);
            policyId = (await cli.JsonAsync("policy", "create", "--name", "Edge policy", "--health-check-interval", "00:05:00",
                "--health-check-type", "OnlyConnectivity", "--cleanup", "DeleteUnavailableMachines", "--cleanup-after", "02:00:00")).Str("Id");
            passiveId = (await cli.JsonAsync("worker", "create", "--name", "edge-listener", "--pool", poolId, "--pool", "Default Worker Pool",
                "--kind", "TentaclePassive", "--uri", "https://edge.example:10933/", "--thumbprint", Thumbprint, "--policy", policyId)).Str("Id");
            sshId = (await cli.JsonAsync("worker", "create", "--name", "edge-ssh", "--pool", "Edge",
                "--kind", "Ssh", "--host", "192.0.2.10", "--port", "2200", "--username", "ops", "--fingerprint", "SHA256:ZWRnZS1zc2gta2V5")).Str("Id");
            await cli.JsonAsync("worker", "disable", sshId);
            testId = (await cli.JsonAsync("environment", "create", "--name", "Test", "--description", "first stop", "--sort-order", "3")).Str("Id");
            productionId = (await cli.JsonAsync("environment", "create", "--name", "Production")).Str("Id");
            targetId = (await cli.JsonAsync("target", "create", "--name", "eu-west", "--kind", "CloudRegion", "--roles", "web,api",
                "--environment", "Test", "--environment", productionId, "--worker-pool", "Edge")).Str("Id");
            await cli.JsonAsync("target", "health", targetId);
            disabledTargetId = (await cli.JsonAsync("target", "create", "--name", "us-east", "--roles", "db", "--environment", "Production")).Str("Id");
            await cli.JsonAsync("target", "disable", disabledTargetId);
            var created = await cli.JsonAsync("apikey", "create", "--name", "backup job");
            apiKeyId = created.Str("Id");
            apiKey = created.Str("ApiKey");
            (await cli.RunAsync("config", "set", "taskCap", "9")).ShouldExit(0);
            (await cli.RunAsync("config", "set", "builtInWorker.enabled", "false")).ShouldExit(0);
            before = await Snapshot.TakeAsync(cli);
            await first.StopAsync();
        }

        await using var second = await ServerFixture.StartAsync(dir.Path, deadline.Token);
        var after = await Snapshot.TakeAsync(second.Cli);

        AssertSame(before.Pools, after.Pools, "pools");
        AssertSame(before.Policies, after.Policies, "policies");
        AssertSame(before.ApiKeys, after.ApiKeys, "API keys");
        AssertSame(before.Config, after.Config, "configuration");
        AssertSame(before.Environments, after.Environments, "environments");
        AssertSame(before.Targets, after.Targets, "deployment targets");
        Assert.Equal(["Test", "Production"], after.Environments.Names());
        Assert.Equal([testId, productionId], after.Targets.ById(targetId).Strings("EnvironmentIds"));
        Assert.Equal(poolId, after.Targets.ById(targetId).Str("DefaultWorkerPoolId"));
        Assert.Equal("Healthy", after.Targets.ById(targetId).Str("HealthStatus"));
        Assert.NotNull(after.Targets.ById(targetId)["LastHealthCheck"]);
        Assert.True(after.Targets.ById(disabledTargetId).Bool("IsDisabled"));
        // Health may be re-evaluated by the new process; everything the user entered may not.
        AssertSame(WithoutHealth(before.Workers), WithoutHealth(after.Workers), "workers");
        Assert.Equal(9, after.Config.Int("TaskCap"));
        Assert.False(after.Config.Bool("BuiltInWorkerEnabled"));
        Assert.True(after.Pools.ById(poolId).Bool("IsDefault"));
        Assert.True(after.Workers.ById(sshId).Bool("IsDisabled"));
        Assert.Equal(policyId, after.Workers.ById(passiveId).Str("MachinePolicyId"));
        Assert.Equal(apiKeyId, Assert.Single(after.ApiKeys.Items()).Str("Id"));

        foreach (var oldEvent in before.Audit.Items())
            Assert.True(JsonNode.DeepEquals(oldEvent, after.Audit.ById(oldEvent.Str("Id"))), $"audit event changed: {oldEvent.ToJsonString()}");
        var audited = after.Audit.Items().Select(e => e.Str("DocumentId")).ToHashSet();
        foreach (var documentId in new[] { poolId, policyId, passiveId, sshId, apiKeyId, testId, productionId, targetId, disabledTargetId })
            Assert.True(audited.Contains(documentId), $"no audit event about {documentId} after the restart: {after.Audit.ToJsonString()}");

        // The hashed key still authenticates, and id sequences continue instead of restarting.
        (await OctoLiteCli.ForRemote(second.TcpUrl, apiKey, deadline.Token).RunAsync("pool", "list", "-o", "json")).ShouldExit(0);
        var newPoolId = (await second.Cli.JsonAsync("pool", "create", "--name", "After restart")).Str("Id");
        Assert.DoesNotContain(newPoolId, before.Pools.Items().Select(p => p.Str("Id")));
        var newWorkerId = (await second.Cli.JsonAsync("worker", "create", "--name", "after-restart", "--pool", newPoolId,
            "--kind", "TentacleActive", "--uri", "poll://afterrestart/", "--thumbprint", Thumbprint)).Str("Id");
        Assert.DoesNotContain(newWorkerId, new[] { passiveId, sshId });
    }

    private static void AssertSame(JsonNode expected, JsonNode actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{what} differ after a restart\n--- before\n{expected.ToJsonString()}\n--- after\n{actual.ToJsonString()}");

    private static JsonArray WithoutHealth(JsonNode workers) =>
        new(workers.Items().Select(w => w.Without("HealthStatus", "StatusSummary", "LastHealthCheck", "LastSeen", "UnavailableSince", "Capabilities")).ToArray());

    private sealed record Snapshot(JsonNode Pools, JsonNode Workers, JsonNode Policies, JsonNode ApiKeys, JsonNode Config, JsonNode Audit,
        JsonNode Environments, JsonNode Targets)
    {
        public static async Task<Snapshot> TakeAsync(OctoLiteCli cli) => new(
            await cli.JsonAsync("pool", "list"),
            await cli.JsonAsync("worker", "list"),
            await cli.JsonAsync("policy", "list"),
            await cli.JsonAsync("apikey", "list"),
            await cli.JsonAsync("config", "get"),
            await cli.JsonAsync("audit", "list", "--take", "1000"),
            await cli.JsonAsync("environment", "list"),
            await cli.JsonAsync("target", "list"));
    }
}
