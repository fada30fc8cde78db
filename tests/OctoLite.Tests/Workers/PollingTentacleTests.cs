using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Workers;

/// <summary>Steps in a pool of polling tentacles: the tentacle connects to the server's polling endpoint and long-polls for its calls. A real server, a real agent, real bash, mutual TLS on loopback.</summary>
public sealed class PollingTentacleTests
{
    private const string WrongThumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    [Fact]
    public async Task RemoteStep_RunsOnThePollingTentacle_LinesInOrder_SecretMasked_OutputReachesNextStep_ArtifactByteExact()
    {
        const string secret = "polling-s3cr3t-7781";
        await using var fixture = await PollingTentacle.StartAsync();
        var api = fixture.Api;
        await api.VariableAsync("Password", secret, sensitive: true);
        await api.RunbookAsync("Remote", ListeningTentacle.Remote("Make", """
            for i in $(seq 1 3000); do echo "line $i"; done
            echo "the password is #{Password}"
            set_octopusvariable "Colour" "blue"
            head -c 300000 /dev/urandom > data.bin
            new_octopusartifact data.bin report.bin
            """), ListeningTentacle.Remote("Use", """echo "colour #{Octopus.Action[Make].Output.Colour}" """));

        var id = await api.RunAsync("Remote");
        var task = await api.WaitAsync(id, 60);
        var texts = await api.LogTextAsync(id);
        var log = string.Join("\n", texts);

        Assert.True(task["State"]!.GetValue<string>() == "Success", log);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => $"line {i}"), texts.Where(t => t.StartsWith("line ", StringComparison.Ordinal)));
        Assert.Contains("the password is ********", texts);
        Assert.DoesNotContain(secret, log);
        Assert.Contains("colour blue", texts);
        Assert.Contains($"Running on worker {PollingTentacle.WorkerName}, a polling tentacle (poll://{PollingTentacle.Subscription}/), as ticket {id}.", log);
        var artifact = Assert.Single((await fixture.Server.GetJsonAsync($"api/tasks/{id}/artifacts")).AsArray());
        var content = await fixture.Server.Socket.GetByteArrayAsync($"api/tasks/{id}/artifacts/report.bin/content");
        Assert.Equal(300_000, content.Length);
        Assert.Equal(artifact!["Sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.Empty(Directory.EnumerateFiles(fixture.TentacleHome, "data.bin", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ServerWithConnectedPollingTentacle_StopsAtOnce_NotAfterTheHeldPolls()
    {
        await using var fixture = await PollingTentacle.StartAsync();
        var deadline = TestTimeout.Token(20);
        var queues = fixture.Server.Server.Services.GetRequiredService<OctoLite.Workers.Tentacle.Polling.PollingQueues>();
        while (queues.Find(PollingTentacle.Subscription) is not { WaitingPolls: > 0 })
        {
            await Task.Delay(20, deadline); // until the agent's polls are held open
        }

        var clock = Stopwatch.StartNew();
        await fixture.Server.Server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
    }

    [Fact]
    public async Task StoppedPollingTentacle_FailsTheStep_WorkerUnavailable_AfterThePolicysPickupTimeout()
    {
        // Never started: a tentacle the server has not heard from is not marked Unavailable by the polling watch,
        // so the task leases it and its call waits for a poll (one heard from and then silent is marked Unavailable,
        // and tasks wait for another worker instead: PollingHealthTests).
        await using var fixture = await PollingTentacle.StartAsync(startAgent: false);
        var policy = await fixture.Server.Socket.PutAsync("api/machinepolicies/Default Machine Policy", RunningServer.Json("""{"PollingRequestQueueTimeout":"00:00:02"}"""));
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());
        await fixture.Api.RunbookAsync("Gone", ListeningTentacle.Remote("Try", "echo must not run"));
        var clock = Stopwatch.StartNew();

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Gone"), 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"gave up after {clock.Elapsed}, before the policy's 2 s");
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var message = task["ErrorMessage"]!.GetValue<string>();
        Assert.Contains($"worker unavailable: the tentacle at poll://", message);
        Assert.Contains("did not collect the request within 2 s", message);
    }

    [Fact]
    public async Task UnregisteredTentacleCertificate_IsRefusedInTheTlsHandshake_LoggedAndAuditedOnce()
    {
        await using var fixture = await PollingTentacle.StartAsync(registeredThumbprint: WrongThumbprint);
        var deadline = TestTimeout.Token(20);
        while (!fixture.AgentLog.Messages.Any(m => m.Contains("refused this tentacle's certificate", StringComparison.Ordinal)))
        {
            await Task.Delay(50, deadline);
        }

        await Task.Delay(1500, deadline); // several more attempts: still one audit event
        Assert.False(fixture.Agent!.IsPollingConnected);
        var events = (await fixture.Server.GetJsonAsync("api/events?take=100"))["Items"]!.AsArray();
        var trust = Assert.Single(events, e => e!["Category"]!.GetValue<string>() == "TrustFailure");
        Assert.Contains($"certificate {fixture.TentacleThumbprint} belongs to no polling worker", trust!["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TentacleNotTrustingTheServer_NeverPolls_AndSaysWhatToTrust()
    {
        await using var fixture = await PollingTentacle.StartAsync(trustServer: false);
        var deadline = TestTimeout.Token(20);
        while (!fixture.AgentLog.Messages.Any(m => m.Contains($"presented certificate {fixture.ServerThumbprint}, which this tentacle does not trust", StringComparison.Ordinal)))
        {
            await Task.Delay(50, deadline);
        }

        Assert.Contains(fixture.AgentLog.Messages, m => m.Contains($"octolite tentacle configure --trust {fixture.ServerThumbprint}", StringComparison.Ordinal));
        Assert.False(fixture.Agent!.IsPollingConnected);
    }

    [Fact]
    public async Task PollingLinkBrokenMidScript_TentacleReconnects_AndTheLogResumes_NoLineLostOrTwice()
    {
        TcpFaultProxy? proxy = null;
        await using var fixture = await PollingTentacle.StartAsync(route: port =>
        {
            proxy = new TcpFaultProxy(port);
            return proxy.Port;
        });
        await using var _ = proxy!;
        await fixture.Api.RunbookAsync("Chatty", ListeningTentacle.Remote("Count", """
            for i in $(seq 1 60); do echo "line $i"; sleep 0.05; done
            set_octopusvariable "Done" "yes"
            """), ListeningTentacle.Remote("After", """echo "done #{Octopus.Action[Count].Output.Done}" """));
        var id = await fixture.Api.RunAsync("Chatty");
        var deadline = TestTimeout.Token(30);
        while (!(await fixture.Api.LogTextAsync(id)).Contains("line 10"))
        {
            await Task.Delay(20, deadline);
        }

        proxy!.Break();
        await Task.Delay(TimeSpan.FromSeconds(1.5), deadline);
        proxy.Resume();
        var task = await fixture.Api.WaitAsync(id, 30);
        var texts = await fixture.Api.LogTextAsync(id);

        Assert.True(task["State"]!.GetValue<string>() == "Success", string.Join("\n", texts));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"line {i}"), texts.Where(t => t.StartsWith("line ", StringComparison.Ordinal)));
        Assert.Contains("done yes", texts);
        Assert.Contains(fixture.AgentLog.Messages, m => m.Contains("is back after", StringComparison.Ordinal));
    }
}
