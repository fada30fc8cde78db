using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

public sealed class WorkerPoolsApiTests
{
    [Fact]
    public async Task FirstStart_SeedsDefaultPoolPolicyAndConfiguration()
    {
        await using var server = await RunningServer.StartAsync();

        var pools = (await server.GetJsonAsync("api/workerpools/all")).AsArray();
        var policies = (await server.GetJsonAsync("api/machinepolicies/all")).AsArray();
        var configuration = await server.GetJsonAsync("api/configuration");

        var pool = Assert.Single(pools)!;
        Assert.Equal("Default Worker Pool", pool["Name"]!.GetValue<string>());
        Assert.True(pool["IsDefault"]!.GetValue<bool>());
        Assert.Equal("StaticWorkerPool", pool["WorkerPoolType"]!.GetValue<string>());
        Assert.Equal("Default Machine Policy", Assert.Single(policies)!["Name"]!.GetValue<string>());
        Assert.Equal(5, configuration["TaskCap"]!.GetValue<int>());
        Assert.True(configuration["BuiltInWorkerEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_ThenGetByNameAndById()
    {
        await using var server = await RunningServer.StartAsync();

        var created = await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"name":"Linux","description":"the penguins"}"""));
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = body["Id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/workerpools/{id}", created.Headers.Location?.ToString());
        Assert.Equal(2, body["SortOrder"]!.GetValue<int>());
        Assert.Equal(id, (await server.GetJsonAsync("api/workerpools/linux"))["Id"]!.GetValue<string>());
        Assert.Equal("Linux", (await server.GetJsonAsync($"api/workerpools/{id}"))["Name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Name":"A","Colour":"red"}""", "Colour", "Unknown field")]
    [InlineData("""{"Name":"A","SortOrder":"first"}""", "SortOrder", "whole number")]
    [InlineData("""{"Name":"A","WorkerPoolType":"Elastic"}""", "WorkerPoolType", "StaticWorkerPool")]
    [InlineData("""{"Name":"A","WorkerPoolType":"DynamicWorkerPool"}""", "WorkerPoolType", "not supported")]
    [InlineData("""{"Name":""}""", "Name", "required")]
    [InlineData("""{"Name":null}""", "Name", "null")]
    [InlineData("""{"Name":"A","Id":"WorkerPools-99"}""", "Id", "assigned by the server")]
    [InlineData("""{"Name":"A",""", "body", "not valid JSON")]
    [InlineData("""["A"]""", "body", "JSON object")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field, string detail)
    {
        await using var server = await RunningServer.StartAsync();
        var eventsBefore = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

        var response = await server.Socket.PostAsync("api/workerpools", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Single((await server.GetJsonAsync("api/workerpools/all")).AsArray());
        Assert.Equal(eventsBefore, (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_DuplicateNameIgnoringCase_Is409()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"default worker pool"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already exists", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeleteDefault_Is409_AndPoolRemains()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.DeleteAsync("api/workerpools/Default%20Worker%20Pool");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("default", await response.Content.ReadAsStringAsync());
        Assert.Single((await server.GetJsonAsync("api/workerpools/all")).AsArray());
    }

    [Fact]
    public async Task SetDefault_MovesTheFlag_AndOldDefaultBecomesDeletable()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));

        var update = await server.Socket.PutAsync("api/workerpools/Linux", RunningServer.Json("""{"IsDefault":true}"""));
        var pools = (await server.GetJsonAsync("api/workerpools/all")).AsArray();
        var delete = await server.Socket.DeleteAsync("api/workerpools/WorkerPools-1");

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(["Linux"], pools.Where(p => p!["IsDefault"]!.GetValue<bool>()).Select(p => p!["Name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
    }

    [Fact]
    public async Task UnsetDefault_Is400()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PutAsync("api/workerpools/WorkerPools-1", RunningServer.Json("""{"IsDefault":false}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("IsDefault", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_ChangesOnlyGivenFields_AndAuditsBeforeAndAfter()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux","Description":"keep me"}"""));

        var response = await server.Socket.PutAsync("api/workerpools/Linux", RunningServer.Json("""{"Name":"Debian"}"""));
        var pool = await server.GetJsonAsync("api/workerpools/Debian");
        var modified = (await server.GetJsonAsync("api/events?document=WorkerPools-2"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("keep me", pool["Description"]!.GetValue<string>());
        Assert.Equal("Modified", modified["Category"]!.GetValue<string>());
        Assert.Equal("Name: \"Linux\" → \"Debian\"", modified["Details"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reorder_PutsNamedPoolsFirst_KeepsTheRestInOrder()
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var name in new[] { "A", "B", "C" })
        {
            await server.Socket.PostAsync("api/workerpools", RunningServer.Json($$"""{"Name":"{{name}}"}"""));
        }

        var response = await server.Socket.PutAsync("api/workerpools/sortorder", RunningServer.Json("""{"WorkerPoolIds":["C","WorkerPools-3"]}"""));
        var names = (await server.GetJsonAsync("api/workerpools/all")).AsArray().Select(p => p!["Name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["C", "B", "Default Worker Pool", "A"], names);
    }

    [Fact]
    public async Task Reorder_UnknownPool_Is404_AndOrderUnchanged()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"A"}"""));

        var response = await server.Socket.PutAsync("api/workerpools/sortorder", RunningServer.Json("""{"WorkerPoolIds":["A","Nope"]}"""));
        var names = (await server.GetJsonAsync("api/workerpools/all")).AsArray().Select(p => p!["Name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["Default Worker Pool", "A"], names);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.GetAsync("api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
