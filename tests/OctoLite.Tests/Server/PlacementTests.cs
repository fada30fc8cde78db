using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

/// <summary>Regression tests for what the first acceptance run noticed: sort-order clashes and polling URI case.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task CreateAtTakenSortOrder_MovesTheOthersDown()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"A"}"""));

        var response = await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"First","SortOrder":1}"""));
        var pools = (await server.GetJsonAsync("api/workerpools/all")).AsArray()
            .Select(p => (p!["Name"]!.GetValue<string>(), p["SortOrder"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([("First", 1), ("Default Worker Pool", 2), ("A", 3)], pools);
    }

    [Fact]
    public async Task CreatePollingWorker_KeepsSubscriptionIdCase()
    {
        await using var server = await RunningServer.StartAsync();
        const string body = """{"Name":"p","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"TentacleActive","Uri":" poll://AbCdEf/ ","Thumbprint":"0123456789ABCDEF0123456789ABCDEF01234567"}}""";

        var response = await server.Socket.PostAsync("api/workers", RunningServer.Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("poll://AbCdEf/", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Endpoint"]!["Uri"]!.GetValue<string>());
    }
}
