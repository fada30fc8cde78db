using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

/// <summary>A nested object's missing required field is named, not read as a default (noticed while adding runbook processes).</summary>
public sealed class RequiredNestedFieldTests
{
    [Theory]
    [InlineData("POST", "api/workers", """{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"Host":"h","Username":"u"}}""")]
    [InlineData("PUT", "api/workers/w0", """{"Endpoint":{"Host":"h2","Username":"u"}}""")]
    public async Task EndpointWithoutCommunicationStyle_Is400NamingIt(string method, string path, string body)
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workers", RunningServer.Json("""{"Name":"w0","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}"""));

        var response = await server.Socket.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = RunningServer.Json(body) });
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Endpoint.CommunicationStyle", problem["field"]!.GetValue<string>());
        Assert.Equal("h", (await server.GetJsonAsync("api/workers/w0"))["Endpoint"]!["Host"]!.GetValue<string>());
    }
}
