using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Leases;

/// <summary>The built-in worker runs the default pool's steps only while that pool has no workers, as in Octopus.</summary>
public sealed class DefaultPoolTests
{
    [Fact]
    public async Task AWorkerAddedToTheDefaultPool_TakesOverFromTheBuiltInWorker_AndTheLogSaysSo()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var api = fixture.Api;
        await api.RunbookAsync("Here", TaskApi.Bash("Where", "echo ran"));

        var before = await api.WaitAsync(await api.RunAsync("Here"));
        var moved = await fixture.Server.Socket.PutAsync($"api/workers/{ListeningTentacle.WorkerName}",
            RunningServer.Json($$"""{"WorkerPoolIds":["{{ListeningTentacle.Pool}}","Default Worker Pool"]}"""));
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        var afterId = await api.RunAsync("Here");
        var after = await api.WaitAsync(afterId);
        var log = await api.LogTextAsync(afterId);

        Assert.Equal("Success", before["State"]!.GetValue<string>());
        Assert.NotEqual(ListeningTentacle.WorkerName, before["Steps"]![0]!["Worker"]!.GetValue<string>());
        Assert.Equal("Success", after["State"]!.GetValue<string>());
        Assert.Equal(ListeningTentacle.WorkerName, after["Steps"]![0]!["Worker"]!.GetValue<string>());
        Assert.Contains(log, l => l.StartsWith($"Leased worker {ListeningTentacle.WorkerName} in pool Default Worker Pool", StringComparison.Ordinal)
            && l.EndsWith("The default pool has workers, so the built-in worker is not used for it.", StringComparison.Ordinal));
    }
}
