using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Projects;

public sealed class RunbooksApiTests
{
    private const string Process = """{"steps":[{"name":"Hello","kind":"RunScript","syntax":"Bash","script":"echo hi","timeout":"00:10:00"},{"NAME":"Py","SYNTAX":"python","Script":"print(1)"}]}""";

    [Fact]
    public async Task Create_WithProcess_AssignsStepIds_AndDefaults()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var response = await server.Socket.PostAsync("api/runbooks", RunningServer.Json($$"""{"ProjectId":"shop","Name":"Restart","Description":"d","Process":{{Process}}}"""));
        var runbook = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var steps = runbook["Process"]!["Steps"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Runbooks-1", runbook["Id"]!.GetValue<string>());
        Assert.Equal("Projects-1", runbook["ProjectId"]!.GetValue<string>());
        Assert.Equal(["Steps-1", "Steps-2"], steps.Select(s => s!["Id"]!.GetValue<string>()));
        Assert.Equal("00:10:00", steps[0]!["Timeout"]!.GetValue<string>());
        Assert.Equal("RunScript", steps[1]!["Kind"]!.GetValue<string>());
        Assert.Equal("Python", steps[1]!["Syntax"]!.GetValue<string>());
        Assert.Null(steps[1]!["Timeout"]);
    }

    [Fact]
    public async Task Create_WithEmptyOrMissingProcess_IsAllowed()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var empty = await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"A","Process":{"steps":[]}}"""));
        var missing = await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"B"}"""));

        Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, missing.StatusCode);
    }

    [Theory]
    [InlineData("""{"steps":[{"name":"a","script":"x","colour":"red"}]}""", "Process.Steps[0].colour", "Unknown field")]
    [InlineData("""{"steps":[{"name":"a","script":"x","syntax":"Ruby"}]}""", "Process.Steps[0].Syntax", "Bash, Sh, Python, PowerShell")]
    [InlineData("""{"steps":[{"name":"a","script":"x","kind":"Deploy"}]}""", "Process.Steps[0].Kind", "RunScript")]
    [InlineData("""{"steps":[{"name":"a","script":"x","kind":"Email"}]}""", "Process.Steps[0].Script", "does not apply to a Email step")]
    [InlineData("""{"steps":[{"name":"a","script":"x","timeout":"soon"}]}""", "Process.Steps[0].Timeout", "duration")]
    [InlineData("""{"steps":[{"name":"a","script":"x","timeout":"-00:01:00"}]}""", "Process.Steps[0].Timeout", "positive")]
    [InlineData("""{"steps":[{"name":"a","script":"x","timeout":"00:00:00"}]}""", "Process.Steps[0].Timeout", "positive")]
    [InlineData("""{"steps":[{"name":"a","script":"  "}]}""", "Process.Steps[0].Script", "required")]
    [InlineData("""{"steps":[{"name":"a"}]}""", "Process.Steps[0].Script", "required")]
    [InlineData("""{"steps":[{"script":"x"}]}""", "Process.Steps[0].Name", "required")]
    [InlineData("""{"steps":[{"name":"a","script":"x"},{"name":"A","script":"y"}]}""", "Process.Steps[1].Name", "unique")]
    [InlineData("""{"steps":[{"name":"a","script":"x","id":"Steps-77"}]}""", "Process.Steps[0].Id", "server assigns")]
    [InlineData("""{"steps":{"name":"a"}}""", "Process.Steps", "a list")]
    [InlineData("""{"stepz":[]}""", "Process.stepz", "Unknown field")]
    [InlineData("""[]""", "Process", "an object")]
    public async Task Create_WithBadProcess_Is400NamingThePath_AndChangesNothing(string process, string field, string detail)
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        var eventsBefore = (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

        var response = await server.Socket.PostAsync("api/runbooks", RunningServer.Json($$"""{"ProjectId":"Shop","Name":"R","Process":{{process}}}"""));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await server.GetJsonAsync("api/runbooks/all")).AsArray());
        Assert.Equal(eventsBefore, (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_InUnknownProject_Is404NamingProjectId()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Nope","Name":"R"}"""));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ProjectId", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Names_AreUniqueWithinAProjectOnly_SoByNameNeedsTheProject()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Billing"}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"Restart"}"""));

        var sameProject = await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Projects-1","Name":"restart"}"""));
        var otherProject = await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Billing","Name":"Restart"}"""));
        var withoutProject = await server.Socket.GetAsync("api/runbooks/Restart");

        Assert.Equal(HttpStatusCode.Conflict, sameProject.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherProject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutProject.StatusCode);
        Assert.Contains("project", await withoutProject.Content.ReadAsStringAsync());
        Assert.Equal("Runbooks-2", (await server.GetJsonAsync("api/runbooks/restart?project=billing"))["Id"]!.GetValue<string>());
        Assert.Equal("Restart", (await server.GetJsonAsync("api/runbooks/Runbooks-1"))["Name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/runbooks/Runbooks-1?project=Billing")).StatusCode);
        Assert.Equal(["Runbooks-2"], (await server.GetJsonAsync("api/runbooks/all?project=Billing")).AsArray().Select(r => r!["Id"]!.GetValue<string>()));
        Assert.Equal(2, (await server.GetJsonAsync("api/runbooks"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_ReplacesTheProcess_KeepingIdsOfStepsWithTheSameName_AndAuditsStepNames()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json($$"""{"ProjectId":"Shop","Name":"R","Process":{{Process}}}"""));

        var response = await server.Socket.PutAsync("api/runbooks/R?project=Shop",
            RunningServer.Json("""{"Process":{"steps":[{"name":"New","script":"true"},{"name":"hello","script":"echo changed"}]}}"""));
        var steps = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Process"]!["Steps"]!.AsArray();
        var modified = (await server.GetJsonAsync("api/events?document=Runbooks-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Steps-3", "Steps-1"], steps.Select(s => s!["Id"]!.GetValue<string>()));
        Assert.Contains("'Hello', 'Py' → 'New', 'hello'", modified["Details"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_CannotMoveToAnotherProject()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Billing"}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"R"}"""));

        var moved = await server.Socket.PutAsync("api/runbooks/Runbooks-1", RunningServer.Json("""{"ProjectId":"Billing"}"""));
        var same = await server.Socket.PutAsync("api/runbooks/Runbooks-1", RunningServer.Json("""{"ProjectId":"Shop","Description":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("Projects-1", JsonNode.Parse(await same.Content.ReadAsStringAsync())!["ProjectId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_RemovesIt_AndIsAudited()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
        await server.Socket.PostAsync("api/runbooks", RunningServer.Json("""{"ProjectId":"Shop","Name":"R"}"""));

        var response = await server.Socket.DeleteAsync("api/runbooks/R?project=Shop");
        var deleted = (await server.GetJsonAsync("api/events?document=Runbooks-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await server.GetJsonAsync("api/runbooks/all")).AsArray());
        Assert.Equal("Deleted", deleted["Category"]!.GetValue<string>());
    }
}
