using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server;

public sealed class WorkersApiTests
{
    private const string Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    private static string Listening(string name, string pools = "\"Default Worker Pool\"") =>
        $$$"""{"Name":"{{{name}}}","WorkerPoolIds":[{{{pools}}}],"Endpoint":{"CommunicationStyle":"TentaclePassive","Uri":"https://{{{name}}}:10933","Thumbprint":"{{{Thumbprint.ToLowerInvariant()}}}"}}""";

    [Fact]
    public async Task Create_NormalizesPoolNamesToIds_DefaultsPolicy_AndThumbprintCase()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("w1")));
        var worker = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("WorkerPools-1", worker["WorkerPoolIds"]![0]!.GetValue<string>());
        Assert.Equal("MachinePolicies-1", worker["MachinePolicyId"]!.GetValue<string>());
        Assert.Equal(Thumbprint, worker["Endpoint"]!["Thumbprint"]!.GetValue<string>());
        Assert.Equal("Unknown", worker["HealthStatus"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"TentaclePassive","Uri":"https://w:10933","Thumbprint":"abc"}}""", "Endpoint.Thumbprint")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"TentaclePassive","Uri":"poll://x/","Thumbprint":"0123456789ABCDEF0123456789ABCDEF01234567"}}""", "Endpoint.Uri")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h"}}""", "Endpoint.Username")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u","Port":70000}}""", "Endpoint.Port")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u","Colour":1}}""", "Endpoint.Colour")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"BuiltIn"}}""", "Endpoint.CommunicationStyle")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"Endpoint":{"CommunicationStyle":"Carrier pigeon"}}""", "Endpoint.CommunicationStyle")]
    [InlineData("""{"Name":"w","WorkerPoolIds":[],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}""", "WorkerPoolIds")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Nope"],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}""", "WorkerPoolIds")]
    [InlineData("""{"Name":"w","WorkerPoolIds":[7],"Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}""", "WorkerPoolIds[0]")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"MachinePolicyId":"Nope","Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}""", "MachinePolicyId")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"HealthStatus":"Healthy","Endpoint":{"CommunicationStyle":"Ssh","Host":"h","Username":"u"}}""", "HealthStatus")]
    [InlineData("""{"Name":"w","WorkerPoolIds":["Default Worker Pool"]}""", "Endpoint.Uri")]
    public async Task Create_WithBadInput_Is400NamingTheField_AndStoresNothing(string json, string field)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PostAsync("api/workers", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Equal(0, (await server.GetJsonAsync("api/workers"))["TotalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_FiltersByPoolHealthAndName()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("alpha", "\"Linux\"")));
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("beta")));
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("alphabet", "\"Linux\",\"Default Worker Pool\"")));

        static IEnumerable<string> Names(JsonNode page) => page["Items"]!.AsArray().Select(w => w!["Name"]!.GetValue<string>());

        Assert.Equal(["alpha", "alphabet"], Names(await server.GetJsonAsync("api/workers?pool=Linux")));
        Assert.Equal(["alphabet", "beta"], Names(await server.GetJsonAsync("api/workers?pool=WorkerPools-1")));
        Assert.Equal(["alpha", "alphabet"], Names(await server.GetJsonAsync("api/workers?name=ALPHA")));
        Assert.Equal(3, Names(await server.GetJsonAsync("api/workers?health=unknown")).Count());
        Assert.Empty(Names(await server.GetJsonAsync("api/workers?health=Healthy")));
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Socket.GetAsync("api/workers?health=Sickly")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.GetAsync("api/workers?pool=Nope")).StatusCode);
    }

    [Fact]
    public async Task Update_ReplacesEndpointWhole_AndRefusesHealthChanges()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("w1")));

        var toSsh = await server.Socket.PutAsync("api/workers/w1", RunningServer.Json("""{"Endpoint":{"CommunicationStyle":"Ssh","Host":"10.1.2.3","Username":"deploy"}}"""));
        var health = await server.Socket.PutAsync("api/workers/w1", RunningServer.Json("""{"HealthStatus":"Healthy"}"""));
        var worker = await server.GetJsonAsync("api/workers/w1");

        Assert.Equal(HttpStatusCode.OK, toSsh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, health.StatusCode);
        Assert.Equal(22, worker["Endpoint"]!["Port"]!.GetValue<int>());
        Assert.Null(worker["Endpoint"]!["Thumbprint"]);
        Assert.Equal("Unknown", worker["HealthStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletePoolWithWorkers_Is409NamingThem_ThenWorksOnceEmpty()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/workerpools", RunningServer.Json("""{"Name":"Linux"}"""));
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("w1", "\"Linux\"")));

        var refused = await server.Socket.DeleteAsync("api/workerpools/Linux");
        var moved = await server.Socket.PutAsync("api/workers/w1", RunningServer.Json("""{"WorkerPoolIds":["Default Worker Pool"]}"""));
        var deleted = await server.Socket.DeleteAsync("api/workerpools/Linux");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("w1", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
    }

    [Fact]
    public async Task DeletePolicyInUse_Is409_DefaultPolicyIs409()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/machinepolicies", RunningServer.Json("""{"Name":"Fast","HealthCheckInterval":"00:05:00"}"""));
        await server.Socket.PostAsync("api/workers", RunningServer.Json(Listening("w1").Replace("\"Name\":\"w1\",", "\"Name\":\"w1\",\"MachinePolicyId\":\"Fast\",", StringComparison.Ordinal)));

        var inUse = await server.Socket.DeleteAsync("api/machinepolicies/Fast");
        var isDefault = await server.Socket.DeleteAsync("api/machinepolicies/Default%20Machine%20Policy");

        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("w1", await inUse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, isDefault.StatusCode);
    }

    [Theory]
    [InlineData("""{"Name":"P","HealthCheckInterval":"00:00:00.5"}""", "HealthCheckInterval")]
    [InlineData("""{"Name":"P","DeleteMachinesElapsedTimeSpan":"00:00:00"}""", "DeleteMachinesElapsedTimeSpan")]
    [InlineData("""{"Name":"P","DiskSpaceWarningThresholdMb":-1}""", "DiskSpaceWarningThresholdMb")]
    [InlineData("""{"Name":"P","ConnectivityBehavior":"Sometimes"}""", "ConnectivityBehavior")]
    [InlineData("""{"Name":"P","HealthCheckScriptSyntax":9}""", "HealthCheckScriptSyntax")]
    [InlineData("""{"Name":"P","HealthCheckInterval":"soon"}""", "HealthCheckInterval")]
    [InlineData("""{"Name":"P","ConnectionRetryCountLimit":-1}""", "ConnectionRetryCountLimit")]
    [InlineData("""{"Name":"P","DeleteMachinesBehavior":"Sometimes"}""", "DeleteMachinesBehavior")]
    public async Task CreatePolicy_WithBadInput_Is400NamingTheField(string json, string field)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PostAsync("api/machinepolicies", RunningServer.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"TaskCap":0}""", "TaskCap")]
    [InlineData("""{"TaskCap":"many"}""", "TaskCap")]
    [InlineData("""{"BuiltInWorkerRunAs":"no-such-user-here"}""", "BuiltInWorkerRunAs")]
    [InlineData("""{"Colour":"red"}""", "Colour")]
    public async Task Configuration_BadInput_Is400_AndUnchanged(string json, string field)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PutAsync("api/configuration", RunningServer.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.Equal(5, (await server.GetJsonAsync("api/configuration"))["TaskCap"]!.GetValue<int>());
    }

    [Fact]
    public async Task Configuration_RunAsAnExistingUser_IsAccepted()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PutAsync("api/configuration", RunningServer.Json($$"""{"BuiltInWorkerRunAs":"{{Environment.UserName}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Environment.UserName, (await server.GetJsonAsync("api/configuration"))["BuiltInWorkerRunAs"]!.GetValue<string>());
    }
}
