using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>A pool's summary: its workers by health and endpoint kind, from the API and in the pool verbs' tables.</summary>
public sealed class PoolSummaryTests
{
    [Fact]
    public async Task Summary_CountsWorkersByHealthAndKind_AndSaysWhenTheBuiltInWorkerStandsIn()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var (disabled, _, disableError) = await fixture.Server.CliAsync("worker", "disable", ListeningTentacle.WorkerName);
        Assert.True(disabled == 0, disableError);

        var all = (await fixture.Server.GetJsonAsync("api/workerpools/summary")).AsArray();
        var remote = await fixture.Server.GetJsonAsync($"api/workerpools/{ListeningTentacle.Pool}/summary");
        var missing = await fixture.Server.Socket.GetAsync("api/workerpools/Nope/summary");
        var (listed, table, listError) = await fixture.Server.CliAsync("pool", "list");
        var (shown, card, showError) = await fixture.Server.CliAsync("pool", "show", ListeningTentacle.Pool);
        var (json, jsonOut, _) = await fixture.Server.CliAsync("pool", "list", "-o", "json");

        var defaultPool = Assert.Single(all, p => p!["IsDefault"]!.GetValue<bool>())!;
        Assert.True(defaultPool["UsesBuiltInWorker"]!.GetValue<bool>());
        Assert.Equal(0, defaultPool["TotalWorkers"]!.GetValue<int>());
        Assert.Equal(1, remote["TotalWorkers"]!.GetValue<int>());
        Assert.Equal(1, remote["Listening"]!.GetValue<int>());
        Assert.Equal(0, remote["Polling"]!.GetValue<int>());
        Assert.Equal(1, remote["Unknown"]!.GetValue<int>());
        Assert.Equal(1, remote["Disabled"]!.GetValue<int>());
        Assert.False(remote["UsesBuiltInWorker"]!.GetValue<bool>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(listed == 0, listError);
        Assert.Contains("WORKERS", table);
        Assert.Contains("1 (1 listening, 1 disabled)", table);
        Assert.Contains("0 (built-in worker)", table);
        Assert.Contains("1 unknown", table);
        Assert.True(shown == 0, showError);
        Assert.Contains("1 (1 listening, 1 disabled)", card);
        Assert.Equal(0, json);
        Assert.DoesNotContain("TotalWorkers", jsonOut);
    }
}
