using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

public sealed class ApiAuthenticationTests
{
    [Fact]
    public async Task Tcp_WithoutKey_Is401WithHowToCreateOne()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Tcp.GetAsync("api/workerpools");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("octolite apikey create", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnixSocket_WithoutKey_IsTrusted()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.GetAsync("api/workerpools");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tcp_WithCreatedKey_Works_UntilRevoked()
    {
        await using var server = await RunningServer.StartAsync();
        var created = await server.Socket.PostAsync("api/apikeys", RunningServer.Json("""{"Name":"ci"}"""));
        var key = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["ApiKey"]!.GetValue<string>();

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/workerpools");
        request.Headers.Add("X-Octopus-ApiKey", key);
        var allowed = await server.Tcp.SendAsync(request);
        await server.Socket.DeleteAsync("api/apikeys/ci");
        using var again = new HttpRequestMessage(HttpMethod.Get, "api/workerpools");
        again.Headers.Add("X-Octopus-ApiKey", key);
        var refused = await server.Tcp.SendAsync(again);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("API-", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ApiKey_IsStoredOnlyAsHash_AndListedWithoutSecret()
    {
        await using var server = await RunningServer.StartAsync();
        var created = JsonNode.Parse(await (await server.Socket.PostAsync("api/apikeys", RunningServer.Json("""{"Name":"ci"}"""))).Content.ReadAsStringAsync())!;
        var key = created["ApiKey"]!.GetValue<string>();

        var listed = await server.Socket.GetStringAsync("api/apikeys");
        var stored = server.Server.Services.GetRequiredService<OctoLite.Storage.OctoStore>().Read(s => s.ApiKeys.All().Single());

        Assert.DoesNotContain(key, listed);
        Assert.DoesNotContain(key, stored.KeyHash);
        Assert.Equal(64, stored.KeyHash.Length);
    }

    [Fact]
    public async Task Changes_AreAuditedWithTheKeyThatMadeThem()
    {
        await using var server = await RunningServer.StartAsync();
        var key = JsonNode.Parse(await (await server.Socket.PostAsync("api/apikeys", RunningServer.Json("""{"Name":"deployer"}"""))).Content.ReadAsStringAsync())!["ApiKey"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/workerpools") { Content = RunningServer.Json("""{"Name":"Linux"}""") };
        request.Headers.Add("X-Octopus-ApiKey", key);

        var response = await server.Tcp.SendAsync(request);
        var events = (await server.GetJsonAsync("api/events"))["Items"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = Assert.Single(events, e => e!["Message"]!.GetValue<string>() == "Worker pool 'Linux' created");
        Assert.Contains("deployer", created!["Who"]!.GetValue<string>());
    }
}
