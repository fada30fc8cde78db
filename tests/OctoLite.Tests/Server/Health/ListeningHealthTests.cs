using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;
using OctoLite.Tests.Workers;

namespace OctoLite.Tests.Server.Health;

/// <summary>Health checks of a real listening tentacle on loopback: each status a check can give, the task it runs as, and the history it leaves.</summary>
public sealed class ListeningHealthTests
{
    private const string Worker = ListeningTentacle.WorkerName;

    [Fact]
    public async Task HealthCheck_OfAReachableWorker_IsHealthy_RecordsCapabilitiesLastCheckAndHistory()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        // The default script checks free disk: a threshold of 1 MB passes on any machine that can run the tests.
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":1}""");
        var before = await health.WorkerAsync(Worker);
        Assert.Equal("Unknown", HealthApi.Status(before));
        Assert.Null(before["LastHealthCheck"]);
        Assert.Empty(await health.HistoryAsync(Worker));

        var task = await health.CheckWorkerAsync(Worker);

        var log = string.Join("\n", await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>()));
        Assert.True(task["State"]!.GetValue<string>() == "Success", log);
        Assert.Equal("Health", task["Name"]!.GetValue<string>());
        Assert.Equal($"Check health of worker {Worker}", task["Description"]!.GetValue<string>());
        var step = Assert.Single(task["Steps"]!.AsArray())!;
        Assert.Equal(("Success", $"Check {Worker}"), (step["State"]!.GetValue<string>(), step["Name"]!.GetValue<string>()));
        Assert.Contains("Connected: tentacle", log);
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("Healthy", HealthApi.Status(worker));
        Assert.NotNull(worker["LastHealthCheck"]);
        Assert.NotNull(worker["LastSeen"]);
        Assert.Null(worker["UnavailableSince"]);
        Assert.Contains("Bash", worker["Capabilities"]!["Shells"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(Environment.MachineName, worker["Capabilities"]!["MachineName"]!.GetValue<string>());
        var entry = Assert.Single(await health.HistoryAsync(Worker));
        Assert.Equal(("Healthy", task["Id"]!.GetValue<string>()), (entry["HealthStatus"]!.GetValue<string>(), entry["TaskId"]!.GetValue<string>()));
        var audit = await fixture.Server.GetJsonAsync("api/events?take=100");
        Assert.Contains(audit["Items"]!.AsArray(), e => e!["Category"]!.GetValue<string>() == "HealthChanged" && e["Message"]!.GetValue<string>() == $"Worker '{Worker}' is Healthy (was Unknown)");
    }

    [Fact]
    public async Task HealthScript_ThatWritesToStderr_GivesHasWarnings_AndTheTaskSucceeds()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":0,"HealthCheckScript":"echo all fine here\necho 'clock skew of 3 s' >&2"}""");

        var task = await health.CheckWorkerAsync(Worker);

        var texts = await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>());
        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join("\n", texts));
        Assert.Contains("all fine here", texts);
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("HasWarnings", HealthApi.Status(worker));
        Assert.Contains("clock skew of 3 s", worker["StatusSummary"]!.GetValue<string>());
    }

    [Fact]
    public async Task FreeDisk_UnderThePolicysThreshold_GivesHasWarnings()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":2000000000}""");

        var task = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("HasWarnings", HealthApi.Status(worker));
        Assert.Contains("under the machine policy's warning threshold of 2000000000 MB", worker["StatusSummary"]!.GetValue<string>());
    }

    [Fact]
    public async Task HealthScript_ThatExitsNonZero_GivesUnhealthy_FailsTheTaskNamingTheWorker_AndHistoryKeepsBothChecks()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":0}""");
        var first = await health.CheckWorkerAsync(Worker);
        await health.PolicyAsync("""{"HealthCheckScript":"echo the service is down\nexit 3"}""");

        var task = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains($"{Worker}: Unhealthy", task["ErrorMessage"]!.GetValue<string>());
        Assert.Contains("the service is down", await fixture.Api.LogTextAsync(task["Id"]!.GetValue<string>()));
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("Unhealthy", HealthApi.Status(worker));
        Assert.Contains("exit code 3", worker["StatusSummary"]!.GetValue<string>());
        var history = await health.HistoryAsync(Worker);
        Assert.Equal(["Unhealthy", "Healthy"], history.Select(e => e["HealthStatus"]!.GetValue<string>()));
        Assert.Equal([task["Id"]!.GetValue<string>(), first["Id"]!.GetValue<string>()], history.Select(e => e["TaskId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnlyConnectivity_DoesNotRunTheScript()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"HealthCheckType":"OnlyConnectivity","HealthCheckScript":"exit 3"}""");

        var task = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Success", task["State"]!.GetValue<string>());
        Assert.Equal("Healthy", HealthApi.Status(await health.WorkerAsync(Worker)));
    }

    [Fact]
    public async Task StoppedWorker_IsUnavailable_AndFailsTheTask_UnlessItsPolicyLetsItBeOffline()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"ConnectionRetryCountLimit":2,"DiskSpaceWarningThresholdMb":0}""");
        await health.CheckWorkerAsync(Worker);
        await fixture.StopAgentAsync();

        var expected = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Failed", expected["State"]!.GetValue<string>());
        Assert.Contains($"{Worker}: Unavailable", expected["ErrorMessage"]!.GetValue<string>());
        var worker = await health.WorkerAsync(Worker);
        Assert.Equal("Unavailable", HealthApi.Status(worker));
        Assert.StartsWith("Could not reach the tentacle", worker["StatusSummary"]!.GetValue<string>());
        var since = worker["UnavailableSince"]!.GetValue<DateTimeOffset>();
        Assert.NotNull(worker["Capabilities"]); // what it was when last reached

        await health.PolicyAsync("""{"ConnectivityBehavior":"MayBeOfflineAndCanBeSkipped"}""");
        var excused = await health.CheckWorkerAsync(Worker);

        Assert.Equal("Success", excused["State"]!.GetValue<string>());
        worker = await health.WorkerAsync(Worker);
        Assert.Equal("Unavailable", HealthApi.Status(worker));
        Assert.Equal(since, worker["UnavailableSince"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["Unavailable", "Unavailable", "Healthy"], (await health.HistoryAsync(Worker)).Select(e => e["HealthStatus"]!.GetValue<string>()));
    }

    [Fact]
    public async Task HealthCheck_OfAPool_ChecksItsWorkers_AndOfEveryWorker_SaysTheBuiltInWorkerIsNotChecked()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var health = new HealthApi(fixture.Server);
        await health.PolicyAsync("""{"DiskSpaceWarningThresholdMb":0}""");

        var pool = await health.CheckAsync($$"""{"WorkerPoolId":"{{ListeningTentacle.Pool}}"}""");
        var all = await health.CheckAsync();

        Assert.Equal($"Check health of the workers in pool {ListeningTentacle.Pool}", pool["Description"]!.GetValue<string>());
        Assert.Equal("Check health of all workers", all["Description"]!.GetValue<string>());
        foreach (var task in new[] { pool, all })
        {
            var ended = await fixture.Api.WaitAsync(task["Id"]!.GetValue<string>());
            Assert.Equal("Success", ended["State"]!.GetValue<string>());
            Assert.Equal(Worker, Assert.Single(ended["Steps"]!.AsArray())!["Worker"]!.GetValue<string>());
        }

        Assert.Contains("The built-in worker runs inside the server, so it is not health-checked.", await fixture.Api.LogTextAsync(all["Id"]!.GetValue<string>()));
        Assert.Equal(2, (await health.HistoryAsync(Worker)).Count);
    }

    [Fact]
    public async Task BadRequests_AreRefused_NamingTheField_AndQueueNothing()
    {
        await using var server = await RunningServer.StartAsync();

        var both = await server.Socket.PostAsync("api/workers/health-check", RunningServer.Json("""{"WorkerPoolId":"Default Worker Pool","WorkerIds":["w"]}"""));
        var unknown = await server.Socket.PostAsync("api/workers/health-check", RunningServer.Json("""{"WorkerIds":["nope"]}"""));
        var unknownPool = await server.Socket.PostAsync("api/workers/health-check", RunningServer.Json("""{"WorkerPoolId":"nope"}"""));
        var blank = await server.Socket.PostAsync("api/workers/health-check", RunningServer.Json("""{"WorkerIds":["  "]}"""));
        var historyTooLong = await server.CliAsync("worker", "show", "nope", "--history", "5000");
        var typo = await server.Socket.PostAsync("api/workers/health-check", RunningServer.Json("""{"Worker":"w"}"""));
        var history = await server.Socket.GetAsync("api/workers/nope/health");
        var badTake = await server.Socket.GetAsync("api/workers/nope/health?take=0");
        var badThreshold = await server.Socket.PutAsync($"api/machinepolicies/{Uri.EscapeDataString(HealthApi.DefaultPolicy)}", RunningServer.Json("""{"DiskSpaceWarningThresholdMb":-1}"""));
        var badInterval = await server.Socket.PutAsync($"api/machinepolicies/{Uri.EscapeDataString(HealthApi.DefaultPolicy)}", RunningServer.Json("""{"HealthCheckInterval":"00:00:00.5"}"""));
        var healthByClient = await server.Socket.PostAsync("api/workers", RunningServer.Json(
            """{"Name":"w","WorkerPoolIds":["Default Worker Pool"],"LastSeen":"2026-01-01T00:00:00Z","Endpoint":{"CommunicationStyle":"TentaclePassive","Uri":"https://w.example:10933/","Thumbprint":"0123456789ABCDEF0123456789ABCDEF01234567"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("not both", await both.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("There is no worker with id or name", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownPool.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("WorkerIds", await blank.Content.ReadAsStringAsync());
        Assert.Equal(2, historyTooLong.ExitCode);
        Assert.Contains("--history is a number of entries from 0 to 1000 (got 5000)", historyTooLong.Error);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badThreshold.StatusCode);
        Assert.Contains("DiskSpaceWarningThresholdMb", await badThreshold.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badInterval.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, healthByClient.StatusCode);
        Assert.Contains("LastSeen is set by health checks", await healthByClient.Content.ReadAsStringAsync());
        var tasks = await server.GetJsonAsync("api/tasks");
        Assert.Empty(tasks["Items"]!.AsArray());
    }
}
