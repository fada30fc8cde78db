using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Projects;

public sealed class ProjectsApiTests
{
    [Fact]
    public async Task Create_ThenGetByNameAndById_AndListByName()
    {
        await using var server = await RunningServer.StartAsync();

        var created = await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"name":"Shop","description":"the web shop"}"""));
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Billing"}"""));
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Projects-1", body["Id"]!.GetValue<string>());
        Assert.Equal("/api/projects/Projects-1", created.Headers.Location?.ToString());
        Assert.Equal("the web shop", (await server.GetJsonAsync("api/projects/shop"))["Description"]!.GetValue<string>());
        Assert.Equal("Shop", (await server.GetJsonAsync("api/projects/Projects-1"))["Name"]!.GetValue<string>());
        Assert.Equal(["Billing", "Shop"], (await server.GetJsonAsync("api/projects/all")).AsArray().Select(p => p!["Name"]!.GetValue<string>()));
        Assert.Equal(2, (await server.GetJsonAsync("api/projects?take=1"))["TotalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"Name":"A","Colour":"red"}""", "Colour", "Unknown field")]
    [InlineData("""{"Name":""}""", "Name", "required")]
    [InlineData("""{"Name":"A","Id":"Projects-9"}""", "Id", "assigned by the server")]
    [InlineData("""{"Name":"A","Description":7}""", "Description", "a string")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field, string detail)
    {
        await using var server = await RunningServer.StartAsync();
        var eventsBefore = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

        var response = await server.Socket.PostAsync("api/projects", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await server.GetJsonAsync("api/projects/all")).AsArray());
        Assert.Equal(eventsBefore, (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_DuplicateNameIgnoringCase_Is409()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var response = await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"SHOP"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already exists", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_ChangesGivenFields_AndIsAudited()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var response = await server.Socket.PutAsync("api/projects/Shop", RunningServer.Json("""{"Description":"new"}"""));
        var modified = (await server.GetJsonAsync("api/events?document=Projects-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Modified", modified["Category"]!.GetValue<string>());
        Assert.Contains("Description: \"\" → \"new\"", modified["Details"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_DeletesItsRunbooksAndVariables_AuditingEach()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Other"}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"Restart","Process":{"steps":[{"name":"a","script":"true"}]}}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Other","Name":"Restart"}"""));
        await server.Socket.PutAsync("api/projects/Shop/variables/Port", RunningServer.Json("""{"Value":"80"}"""));

        var response = await server.Socket.DeleteAsync("api/projects/Shop");
        var events = (await server.GetJsonAsync("api/events"))["Items"]!.AsArray().Select(e => $"{e!["Category"]} {e["DocumentId"]}").ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/projects/Shop")).StatusCode);
        Assert.Equal(["Runbooks-2"], (await server.GetJsonAsync("api/runbooks/all")).AsArray().Select(r => r!["Id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/projects/Projects-1/variables")).StatusCode);
        Assert.Contains("Deleted Runbooks-1", events);
        Assert.Contains("Deleted variableset-Projects-1", events);
        Assert.Contains("Deleted Projects-1", events);
    }

    [Fact]
    public async Task Unknown_Is404()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/projects/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.DeleteAsync("api/projects/nope")).StatusCode);
    }
}
