using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server;

public sealed class WorkerLeasesApiTests
{
    [Fact]
    public async Task WorkerLeases_ListTheLeaseOfARunningTask_AndNoneAfterItEnds()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var server = fixture.Server;
        await fixture.Api.RunbookAsync("Hold", ListeningTentacle.Remote("Wait", "echo holding; sleep 60"));
        Assert.Empty((await server.GetJsonAsync("api/workerleases")).AsArray());

        var id = await fixture.Api.RunAsync("Hold");
        await fixture.Api.WaitForStateAsync(id, "Executing");
        // Executing comes first; the lease follows as the task starts on its worker.
        var wait = System.Diagnostics.Stopwatch.StartNew();
        System.Text.Json.Nodes.JsonArray leases;
        while ((leases = (await server.GetJsonAsync("api/workerleases")).AsArray()).Count == 0)
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(10), "No lease was listed 10 s after the task began executing.");
            await Task.Delay(20);
        }

        var lease = Assert.Single(leases)!;

        Assert.Equal(id, lease["TaskId"]!.GetValue<string>());
        Assert.Equal("Workers-1", lease["WorkerId"]!.GetValue<string>());
        Assert.Equal(ListeningTentacle.WorkerName, lease["WorkerName"]!.GetValue<string>());
        Assert.Equal(ListeningTentacle.Pool, lease["PoolName"]!.GetValue<string>());
        Assert.False(lease["Exclusive"]!.GetValue<bool>());

        await server.Socket.PostAsync($"api/tasks/{id}/cancel", null);
        await fixture.Api.WaitForStateAsync(id, "Canceled");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await server.GetJsonAsync("api/workerleases")).AsArray().Count > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The lease was still held 10 s after the task ended.");
            await Task.Delay(20);
        }
    }
}
