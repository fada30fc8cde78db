using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Targets;

public sealed class TargetsApiTests
{
    /// <summary>A server with environments Test (Environments-1) and Production (Environments-2) and a pool Linux (WorkerPools-2).</summary>
    private static async Task<RunningServer> StartWithEnvironmentsAsync()
    {
        var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Test"}"""));
        await server.Socket.PostAsync("api/environments", RunningServer.Json("""{"Name":"Production"}"""));
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));
        return server;
    }

    private static string Target(string name, string roles = "\"web\"", string environments = "\"Test\"") =>
        $$$"""{"Name":"{{{name}}}","Roles":[{{{roles}}}],"EnvironmentIds":[{{{environments}}}]}""";

    private static async Task<int> EventCountAsync(RunningServer server) =>
        (await server.GetJsonAsync("api/events"))["TotalResults"]!.GetValue<int>();

    [Fact]
    public async Task Create_ResolvesNamesToIds_TidiesRoles_AndIsFoundByNameOrIdOnBothPaths()
    {
        await using var server = await StartWithEnvironmentsAsync();

        var response = await server.Socket.PostAsync("api/machines", RunningServer.Json(
            """{"Name":" eu-west ","Roles":[" web ","WEB","api"],"EnvironmentIds":["test","Environments-2","TEST"],"DefaultWorkerPoolId":"linux"}"""));
        var target = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/machines/Machines-1", response.Headers.Location?.ToString());
        Assert.Equal("Machines-1", target["Id"]!.GetValue<string>());
        Assert.Equal("eu-west", target["Name"]!.GetValue<string>());
        Assert.Equal("CloudRegion", target["Kind"]!.GetValue<string>());
        Assert.Equal(["web", "api"], target["Roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Environments-1", "Environments-2"], target["EnvironmentIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("WorkerPools-2", target["DefaultWorkerPoolId"]!.GetValue<string>());
        Assert.Equal("Unknown", target["HealthStatus"]!.GetValue<string>());
        Assert.False(target["IsDisabled"]!.GetValue<bool>());
        Assert.Equal("Machines-1", (await server.GetJsonAsync("api/machines/EU-WEST"))["Id"]!.GetValue<string>());
        Assert.Equal("eu-west", (await server.GetJsonAsync("api/targets/Machines-1"))["Name"]!.GetValue<string>());
        var created = (await server.GetJsonAsync("api/events?document=Machines-1"))["Items"]!.AsArray()[0]!;
        Assert.Equal("Created", created["Category"]!.GetValue<string>());
        Assert.Equal("DeploymentTarget", created["DocumentType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Name":"t","Kind":"Ssh","Roles":["web"],"EnvironmentIds":["Test"]}""", "Kind", "CloudRegion")]
    [InlineData("""{"Name":"t","Kind":7,"Roles":["web"],"EnvironmentIds":["Test"]}""", "Kind", "CloudRegion")]
    [InlineData("""{"Name":"t","EnvironmentIds":["Test"]}""", "Roles", "at least one role")]
    [InlineData("""{"Name":"t","Roles":[],"EnvironmentIds":["Test"]}""", "Roles", "at least one role")]
    [InlineData("""{"Name":"t","Roles":["web","  "],"EnvironmentIds":["Test"]}""", "Roles", "Roles[1] is empty")]
    [InlineData("""{"Name":"t","Roles":["web,api"],"EnvironmentIds":["Test"]}""", "Roles", "comma")]
    [InlineData("""{"Name":"t","Roles":"web","EnvironmentIds":["Test"]}""", "Roles", "a list")]
    [InlineData("""{"Name":"t","Roles":["web"]}""", "EnvironmentIds", "at least one environment")]
    [InlineData("""{"Name":"t","Roles":["web"],"EnvironmentIds":["Test","Staging"]}""", "EnvironmentIds", "'Staging'")]
    [InlineData("""{"Name":"t","Roles":["web"],"EnvironmentIds":["Test"],"DefaultWorkerPoolId":"Windows"}""", "DefaultWorkerPoolId", "'Windows'")]
    [InlineData("""{"Name":"t","Roles":["web"],"EnvironmentIds":["Test"],"HealthStatus":"Healthy"}""", "HealthStatus", "health checks")]
    [InlineData("""{"Name":"t","Roles":["web"],"EnvironmentIds":["Test"],"LastHealthCheck":"2026-01-31T12:00:00Z"}""", "LastHealthCheck", "health checks")]
    [InlineData("""{"Name":"","Roles":["web"],"EnvironmentIds":["Test"]}""", "Name", "required")]
    [InlineData("""{"Name":"t","Id":"Machines-4","Roles":["web"],"EnvironmentIds":["Test"]}""", "Id", "assigned by the server")]
    [InlineData("""{"Name":"t","Roles":["web"],"EnvironmentIds":["Test"],"Endpoint":{}}""", "Endpoint", "Unknown field")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field, string detail)
    {
        await using var server = await StartWithEnvironmentsAsync();
        var eventsBefore = await EventCountAsync(server);

        var response = await server.Socket.PostAsync("api/machines", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await server.GetJsonAsync("api/machines"))["TotalResults"]!.GetValue<int>());
        Assert.Equal(eventsBefore, await EventCountAsync(server));
    }

    [Fact]
    public async Task Create_DuplicateNameIgnoringCase_Is409_AndChangesNothing()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));

        var response = await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("EU-West")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Name", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.Equal(1, (await server.GetJsonAsync("api/machines"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_FiltersByEnvironmentAndRole()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("b-web-test")));
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("a-db-prod", "\"db\"", "\"Production\"")));
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("c-both", "\"web\",\"db\"", "\"Test\",\"Production\"")));

        static IEnumerable<string> Names(JsonNode page) => page["Items"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>());

        Assert.Equal(["a-db-prod", "b-web-test", "c-both"], Names(await server.GetJsonAsync("api/machines")));
        Assert.Equal(["b-web-test", "c-both"], Names(await server.GetJsonAsync("api/machines?environment=test")));
        Assert.Equal(["a-db-prod", "c-both"], Names(await server.GetJsonAsync("api/targets?environment=Environments-2")));
        Assert.Equal(["a-db-prod", "c-both"], Names(await server.GetJsonAsync("api/machines?role=DB")));
        Assert.Equal(["c-both"], Names(await server.GetJsonAsync("api/machines?environment=Production&role=web")));
        Assert.Empty(Names(await server.GetJsonAsync("api/machines?role=cache")));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/machines?environment=Staging")).StatusCode);
    }

    [Fact]
    public async Task Update_ReplacesRolesAndEnvironments_ClearsThePool_AndIsAudited()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(
            """{"Name":"eu-west","Roles":["web"],"EnvironmentIds":["Test"],"DefaultWorkerPoolId":"Linux"}"""));

        var response = await server.Socket.PutAsync("api/machines/eu-west", RunningServer.Json(
            """{"Name":"eu-central","Roles":["api","db"],"EnvironmentIds":["Production"],"DefaultWorkerPoolId":""}"""));
        var target = await server.GetJsonAsync("api/machines/Machines-1");
        var modified = (await server.GetJsonAsync("api/events?document=Machines-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eu-central", target["Name"]!.GetValue<string>());
        Assert.Equal(["api", "db"], target["Roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Environments-2"], target["EnvironmentIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("", target["DefaultWorkerPoolId"]!.GetValue<string>());
        Assert.Equal("Modified", modified["Category"]!.GetValue<string>());
        Assert.Contains("DefaultWorkerPoolId: \"WorkerPools-2\" → \"\"", modified["Details"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"HealthStatus":"Healthy"}""", "HealthStatus")]
    [InlineData("""{"StatusSummary":"fine"}""", "StatusSummary")]
    [InlineData("""{"Roles":[]}""", "Roles")]
    [InlineData("""{"EnvironmentIds":["Nope"]}""", "EnvironmentIds")]
    [InlineData("""{"Kind":"Listening"}""", "Kind")]
    [InlineData("""{"Id":"Machines-9"}""", "Id")]
    public async Task Update_WithBadInput_Is400NamingTheField_AndChangesNothing(string json, string field)
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));
        var before = await server.GetJsonAsync("api/machines/eu-west");
        var eventsBefore = await EventCountAsync(server);

        var response = await server.Socket.PutAsync("api/machines/eu-west", RunningServer.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, await server.GetJsonAsync("api/machines/eu-west")));
        Assert.Equal(eventsBefore, await EventCountAsync(server));
    }

    [Fact]
    public async Task DisableAndEnable_AreAudited_AndRepeatingOneChangesNothing()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));

        var disabled = JsonNode.Parse(await (await server.Socket.PostAsync("api/machines/eu-west/disable", null)).Content.ReadAsStringAsync())!;
        var eventsAfterDisable = await EventCountAsync(server);
        var again = await server.Socket.PostAsync("api/machines/Machines-1/disable", null);
        var eventsAfterRepeat = await EventCountAsync(server);
        var enabled = JsonNode.Parse(await (await server.Socket.PostAsync("api/targets/eu-west/enable", null)).Content.ReadAsStringAsync())!;
        var events = (await server.GetJsonAsync("api/events?document=Machines-1"))["Items"]!.AsArray().Select(e => e!["Message"]!.GetValue<string>()).ToList();

        Assert.True(disabled["IsDisabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(eventsAfterDisable, eventsAfterRepeat);
        Assert.False(enabled["IsDisabled"]!.GetValue<bool>());
        Assert.Equal(["Deployment target 'eu-west' enabled", "Deployment target 'eu-west' disabled", "Deployment target 'eu-west' created"], events);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.PostAsync("api/machines/nope/enable", null)).StatusCode);
    }

    [Fact]
    public async Task Health_OfAnEnabledCloudRegion_IsHealthy_AndAudited()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));
        var before = DateTimeOffset.UtcNow;

        var response = await server.Socket.PostAsync("api/machines/eu-west/health", null);
        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var target = await server.GetJsonAsync("api/machines/eu-west");
        var audited = (await server.GetJsonAsync("api/events?document=Machines-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(check["Checked"]!.GetValue<bool>());
        Assert.Equal("Healthy", target["HealthStatus"]!.GetValue<string>());
        Assert.Equal("Cloud Region targets have no endpoint; nothing to check", target["StatusSummary"]!.GetValue<string>());
        Assert.InRange(target["LastHealthCheck"]!.GetValue<DateTimeOffset>(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(JsonNode.DeepEquals(target, check["Target"]));
        Assert.Contains("health checked: Healthy", audited["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_OfADisabledTarget_LeavesItAsIs_AndSaysSo()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));
        await server.Socket.PostAsync("api/machines/eu-west/disable", null);
        var before = await server.GetJsonAsync("api/machines/eu-west");
        var eventsBefore = await EventCountAsync(server);

        var response = await server.Socket.PostAsync("api/machines/eu-west/health", null);
        var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(check["Checked"]!.GetValue<bool>());
        Assert.Contains("is disabled", check["Message"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, await server.GetJsonAsync("api/machines/eu-west")));
        Assert.Equal("Unknown", before["HealthStatus"]!.GetValue<string>());
        Assert.Equal(eventsBefore, await EventCountAsync(server));
    }

    [Fact]
    public async Task DeletePool_WhileATargetUsesItAsDefault_Is409NamingTheTarget_ThenWorksOnceCleared()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(
            """{"Name":"eu-west","Roles":["web"],"EnvironmentIds":["Test"],"DefaultWorkerPoolId":"Linux"}"""));
        var eventsBefore = await EventCountAsync(server);

        var refused = await server.Socket.DeleteAsync("api/workerpools/Linux");
        var eventsAfterRefusal = await EventCountAsync(server);
        var cleared = await server.Socket.PutAsync("api/machines/eu-west", RunningServer.Json("""{"DefaultWorkerPoolId":""}"""));
        var deleted = await server.Socket.DeleteAsync("api/workerpools/Linux");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("eu-west", await refused.Content.ReadAsStringAsync());
        Assert.Equal(eventsBefore, eventsAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheTarget_AndIsAudited()
    {
        await using var server = await StartWithEnvironmentsAsync();
        await server.Socket.PostAsync("api/machines", RunningServer.Json(Target("eu-west")));

        var response = await server.Socket.DeleteAsync("api/machines/eu-west");
        var deleted = (await server.GetJsonAsync("api/events?document=Machines-1"))["Items"]!.AsArray()[0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/machines/Machines-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.DeleteAsync("api/machines/eu-west")).StatusCode);
        Assert.Equal("Deleted", deleted["Category"]!.GetValue<string>());
        Assert.Contains("Roles: [\"web\"]", deleted["Details"]!.GetValue<string>());
    }
}
