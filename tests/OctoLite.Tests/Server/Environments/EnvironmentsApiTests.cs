using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Environments;

public sealed class EnvironmentsApiTests
{
    [Fact]
    public async Task Create_ThenFindByNameAndById_ListsBySortOrderThenName()
    {
        await using var server = await RunningServer.StartAsync();

        var created = await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"name":"Production","description":"live","sortOrder":10}"""));
        var test = JsonNode.Parse(await (await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test"}"""))).Content.ReadAsStringAsync())!;
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Dev","SortOrder":1}"""));
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Acceptance","SortOrder":11}"""));
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Environments-1", body["Id"]!.GetValue<string>());
        Assert.Equal("/api/environments/Environments-1", created.Headers.Location?.ToString());
        Assert.Equal(11, test["SortOrder"]!.GetValue<int>());
        Assert.Equal("live", (await server.GetJsonAsync("api/environments/production"))["Description"]!.GetValue<string>());
        Assert.Equal("Test", (await server.GetJsonAsync("api/environments/Environments-2"))["Name"]!.GetValue<string>());
        Assert.Equal(["Dev", "Production", "Acceptance", "Test"],
            (await server.GetJsonAsync("api/environments/all")).AsArray().Select(e => e!["Name"]!.GetValue<string>()));
        var page = await server.GetJsonAsync("api/environments?skip=1&take=1");
        Assert.Equal(4, page["TotalResults"]!.GetValue<int>());
        Assert.Equal("Production", Assert.Single(page["Items"]!.AsArray())!["Name"]!.GetValue<string>());
        var createdEvent = (await server.GetJsonAsync("api/events?document=Environments-1"))["Items"]!.AsArray()[0]!;
        Assert.Equal("Created", createdEvent["Category"]!.GetValue<string>());
        Assert.Equal("Environment", createdEvent["DocumentType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Name":"A","Colour":"red"}""", "Colour", "Unknown field")]
    [InlineData("""{"Name":"  "}""", "Name", "required")]
    [InlineData("""{"Description":"no name"}""", "Name", "required")]
    [InlineData("""{"Name":"A","Id":"Environments-9"}""", "Id", "assigned by the server")]
    [InlineData("""{"Name":"A","SortOrder":-1}""", "SortOrder", "zero")]
    [InlineData("""{"Name":"A","SortOrder":"first"}""", "SortOrder", "a whole number")]
    [InlineData("""{"Name":"A","Description":7}""", "Description", "a string")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field, string detail)
    {
        await using var server = await RunningServer.StartAsync();
        var eventsBefore = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

        var response = await server.Socket.PostAsync("api/environments", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await server.GetJsonAsync("api/environments/all")).AsArray());
        Assert.Equal(eventsBefore, (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_DuplicateNameIgnoringCase_Is409_AndChangesNothing()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test"}"""));

        var response = await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":" TEST "}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Name", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.Single((await server.GetJsonAsync("api/environments/all")).AsArray());
    }

    [Fact]
    public async Task Update_ChangesGivenFields_KeepsSortOrderWhenZero_AndIsAudited()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test","SortOrder":3}"""));

        var renamed = await server.Socket.PutAsync("api/environments/test", RunningServer.Json("""{"Name":"QA","SortOrder":0}"""));
        var badId = await server.Socket.PutAsync("api/environments/QA", RunningServer.Json("""{"Id":"Environments-7"}"""));
        var environment = await server.GetJsonAsync("api/environments/Environments-1");
        var events = (await server.GetJsonAsync("api/events?document=Environments-1"))["Items"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("QA", environment["Name"]!.GetValue<string>());
        Assert.Equal(3, environment["SortOrder"]!.GetValue<int>());
        Assert.Equal(2, events.Count);
        Assert.Equal("Modified", events[0]!["Category"]!.GetValue<string>());
        Assert.Contains("Name: \"Test\" → \"QA\"", events[0]!["Details"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_WhileATargetIsInIt_Is409NamingTheTarget_ThenWorksOnceItMoves()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test"}"""));
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Production"}"""));
        await server.Socket.PostAsync("api/machines", RunningServer.Json("""{"Name":"eu-west","Roles":["web"],"EnvironmentIds":["Test","Production"]}"""));
        var eventsBefore = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

        var refused = await server.Socket.DeleteAsync("api/environments/Test");
        var eventsAfterRefusal = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();
        var moved = await server.Socket.PutAsync("api/machines/eu-west", RunningServer.Json("""{"EnvironmentIds":["Production"]}"""));
        var deleted = await server.Socket.DeleteAsync("api/environments/Test");
        var deletedEvent = (await server.GetJsonAsync("api/events?document=Environments-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("eu-west", await refused.Content.ReadAsStringAsync());
        Assert.Equal(eventsBefore, eventsAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(["Production"], (await server.GetJsonAsync("api/environments/all")).AsArray().Select(e => e!["Name"]!.GetValue<string>()));
        Assert.Equal("Deleted", deletedEvent["Category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_WhileAVariableValueIsScopedToIt_Is409NamingTheVariable_ThenWorksOnceItIsGone()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test"}"""));
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        var set = await server.Socket.PutAsync("api/projects/Shop/variables/Port", RunningServer.Json("""{"Value":"8080","Scope":{"Environments":["Test"]}}"""));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var refused = await server.Socket.DeleteAsync("api/environments/Test");
        var removed = await server.Socket.DeleteAsync("api/projects/Shop/variables/Port?environment=Test");
        var deleted = await server.Socket.DeleteAsync("api/environments/Test");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("'Port' in Projects-1", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    [Fact]
    public async Task Unknown_Is404()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/environments/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.PutAsync("api/environments/nope", RunningServer.Json("""{"Name":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.DeleteAsync("api/environments/nope")).StatusCode);
    }
}
