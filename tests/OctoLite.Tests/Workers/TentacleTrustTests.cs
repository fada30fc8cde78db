using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Workers;

/// <summary>Mutual TLS with pinned thumbprints: a wrong certificate on either side fails the step at once and clearly, never as a network error.</summary>
public sealed class TentacleTrustTests
{
    private const string WrongThumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    [Fact]
    public async Task WrongPinnedThumbprint_FailsTheStep_WithTheMismatch_WithoutRetrying_AndIsAuditedOnce()
    {
        await using var fixture = await ListeningTentacle.StartAsync(pinned: WrongThumbprint);
        fixture.Timeouts.StartRetryLimit = TimeSpan.FromMinutes(5); // a retry would show as a hang
        await fixture.Api.RunbookAsync("Pinned", ListeningTentacle.Remote("Try", "echo must not run"));
        var clock = Stopwatch.StartNew();

        var id = await fixture.Api.RunAsync("Pinned");
        var task = await fixture.Api.WaitAsync(id, 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var message = task["ErrorMessage"]!.GetValue<string>();
        Assert.Contains($"presented certificate {fixture.Agent!.Thumbprint}, expected {WrongThumbprint}", message);
        Assert.DoesNotContain("worker unavailable", message);
        Assert.Contains("Running on worker tentacle-1", string.Join("\n", await fixture.Api.LogTextAsync(id)));
        var events = (await fixture.Server.GetJsonAsync("api/events?take=100"))["Items"]!.AsArray();
        var trust = Assert.Single(events, e => e!["Category"]!.GetValue<string>() == "TrustFailure");
        Assert.Contains(id, trust!["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TentacleNotTrustingTheServer_FailsTheStep_SayingWhatToTrust()
    {
        await using var fixture = await ListeningTentacle.StartAsync(trustServer: false);
        fixture.Timeouts.StartRetryLimit = TimeSpan.FromMinutes(5);
        await fixture.Api.RunbookAsync("Untrusted", ListeningTentacle.Remote("Try", "echo must not run"));
        var clock = Stopwatch.StartNew();

        var id = await fixture.Api.RunAsync("Untrusted");
        var task = await fixture.Api.WaitAsync(id, 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var message = task["ErrorMessage"]!.GetValue<string>();
        Assert.Contains($"refused this server's certificate {fixture.ServerThumbprint}", message);
        Assert.Contains($"octolite tentacle configure --trust {fixture.ServerThumbprint}", message);
        var events = (await fixture.Server.GetJsonAsync("api/events?take=100"))["Items"]!.AsArray();
        Assert.Single(events, e => e!["Category"]!.GetValue<string>() == "TrustFailure");
    }

    [Fact]
    public async Task StoppedTentacle_FailsTheStep_WorkerUnavailable_WithinThePolicyTimeout()
    {
        await using var fixture = await ListeningTentacle.StartAsync();
        var policy = await fixture.Server.Socket.PutAsync("api/machinepolicies/Default Machine Policy", RunningServer.Json("""{"ConnectionConnectTimeout":"00:00:02"}"""));
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());
        await fixture.StopAgentAsync();
        await fixture.Api.RunbookAsync("Gone", ListeningTentacle.Remote("Try", "echo must not run"));
        var clock = Stopwatch.StartNew();

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Gone"), 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"gave up after {clock.Elapsed}, before the policy's 2 s");
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var message = task["ErrorMessage"]!.GetValue<string>();
        Assert.Contains("worker unavailable: the tentacle at https://127.0.0.1:", message);
        Assert.Contains("refused the connection", message);
    }

    [Fact]
    public async Task SilentTentacle_ThatAcceptsButNeverAnswers_FailsWorkerUnavailable_NotAHang()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections into the backlog and never speaks TLS
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var fixture = await ListeningTentacle.StartAsync(route: _ => new Uri($"https://127.0.0.1:{port}/"));
        fixture.Timeouts.Connect = TimeSpan.FromMilliseconds(500);
        fixture.Timeouts.Request = TimeSpan.FromSeconds(1);
        var policy = await fixture.Server.Socket.PutAsync("api/machinepolicies/Default Machine Policy", RunningServer.Json("""{"ConnectionConnectTimeout":"00:00:02"}"""));
        Assert.True(policy.IsSuccessStatusCode);
        await fixture.Api.RunbookAsync("Silent", ListeningTentacle.Remote("Try", "echo must not run"));
        var clock = Stopwatch.StartNew();

        var task = await fixture.Api.WaitAsync(await fixture.Api.RunAsync("Silent"), 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        Assert.Contains("worker unavailable", task["ErrorMessage"]!.GetValue<string>());
    }
}
