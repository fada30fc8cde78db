using Microsoft.Extensions.DependencyInjection;
using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;
using OctoLite.Workers.Tentacle;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Tests.Workers;

/// <summary>
/// The one service contract, over each transport: the same agent is both listening and polling, and the server's
/// own client calls it directly (listening) or through the polling queue.
/// </summary>
public sealed class TentacleContractTests
{
    public static TheoryData<string> Transports => new() { "listening", "polling" };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Capabilities_NameTheProtocolAndTheShells(string transport)
    {
        await using var fixture = await PollingTentacle.StartAsync(listen: true);
        var client = ClientFor(fixture, transport);

        var capabilities = await client.CapabilitiesAsync(TestTimeout.Token());

        Assert.Equal(TentacleProtocol.Version, capabilities.ProtocolVersion);
        Assert.Contains("Bash", capabilities.Shells);
        Assert.True(capabilities.FreeDiskBytes > 0);
        Assert.Equal(transport == "polling", client.IsPolling);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task StartTwice_RunsOnce_StatusFromASequence_ThenCompleteDeletesTheWorkspace(string transport)
    {
        await using var fixture = await PollingTentacle.StartAsync(listen: true);
        using var temp = new TempDirectory();
        var counter = temp.Combine("count.txt");
        var client = ClientFor(fixture, transport);
        var command = new StartScriptCommand { Ticket = $"contract-{transport}", Script = $"echo ran >> '{counter}'; for i in 1 2 3; do echo \"line $i\"; done" };
        var token = TestTimeout.Token();

        await client.StartScriptAsync(command, token);
        await client.StartScriptAsync(command, token);
        var status = await WaitCompleteAsync(client, command.Ticket);
        var lines = status.Events.Where(e => e.Kind == ScriptEventKind.Line).ToList();
        var afterFirst = await client.GetStatusAsync(command.Ticket, lines[0].Sequence, token);

        Assert.Equal("Success", status.Outcome);
        Assert.Equal(["ran"], await File.ReadAllLinesAsync(counter, token));
        Assert.Equal(["line 1", "line 2", "line 3"], lines.Select(e => e.Text));
        Assert.Equal(["line 2", "line 3"], afterFirst.Events.Where(e => e.Kind == ScriptEventKind.Line).Select(e => e.Text));

        await client.CompleteAsync(command.Ticket, token);
        var gone = await Assert.ThrowsAsync<TentacleProtocolException>(() => client.GetStatusAsync(command.Ticket, 0, token));
        Assert.Contains("has nothing at", gone.Message);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task StatusWithWait_IsHeldUntilThereIsNews_OrTheWaitEnds(string transport)
    {
        await using var fixture = await PollingTentacle.StartAsync(listen: true);
        var client = ClientFor(fixture, transport);
        var token = TestTimeout.Token();
        await client.StartScriptAsync(new StartScriptCommand { Ticket = $"quiet-{transport}", Script = "sleep 30" }, token);
        await client.StartScriptAsync(new StartScriptCommand { Ticket = $"late-{transport}", Script = "sleep 0.6; echo late" }, token);

        var quietClock = System.Diagnostics.Stopwatch.StartNew();
        var quiet = await client.GetStatusAsync($"quiet-{transport}", 0, TimeSpan.FromMilliseconds(400), token);
        var quietTook = quietClock.Elapsed;
        var lateClock = System.Diagnostics.Stopwatch.StartNew();
        var late = await client.GetStatusAsync($"late-{transport}", 0, TimeSpan.FromSeconds(20), token);
        var lateTook = lateClock.Elapsed;

        Assert.Equal(ScriptState.Running, quiet.State);
        Assert.Empty(quiet.Events);
        Assert.True(quietTook >= TimeSpan.FromMilliseconds(380), $"answered after {quietTook}");
        Assert.Equal("late", Assert.Single(late.Events, e => e.Kind == ScriptEventKind.Line).Text);
        Assert.True(lateTook < TimeSpan.FromSeconds(5), $"held for {lateTook} though the line came after 0.6 s");
        await client.CancelAsync($"quiet-{transport}", token);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Cancel_StopsTheScriptsProcessGroup(string transport)
    {
        await using var fixture = await PollingTentacle.StartAsync(listen: true);
        var client = ClientFor(fixture, transport);
        var command = new StartScriptCommand { Ticket = $"cancel-{transport}", Script = "echo started; sleep 60 & wait" };
        var token = TestTimeout.Token();
        await client.StartScriptAsync(command, token);
        while (!(await client.GetStatusAsync(command.Ticket, 0, token)).Events.Any(e => e.Text == "started"))
        {
            await Task.Delay(20, token);
        }

        await client.CancelAsync(command.Ticket, token);
        var status = await WaitCompleteAsync(client, command.Ticket);

        Assert.Equal("Canceled", status.Outcome);
    }

    [Theory]
    [InlineData("listening", "../tentacle.json")]
    [InlineData("polling", "../tentacle.json")]
    [InlineData("listening", "/etc/passwd")]
    [InlineData("polling", "/etc/passwd")]
    public async Task Download_OutsideTheWorkspace_IsRefused(string transport, string path)
    {
        await using var fixture = await PollingTentacle.StartAsync(listen: true);
        using var temp = new TempDirectory();
        var client = ClientFor(fixture, transport);
        var command = new StartScriptCommand { Ticket = $"escape-{transport}", Script = "echo hi > inside.txt" };
        await client.StartScriptAsync(command, TestTimeout.Token());
        await WaitCompleteAsync(client, command.Ticket);

        var refused = await Assert.ThrowsAsync<TentacleProtocolException>(() => client.DownloadFileAsync(command.Ticket, path, temp.Combine("out"), TestTimeout.Token()));
        var inside = await client.DownloadFileAsync(command.Ticket, "inside.txt", temp.Combine("inside"), TestTimeout.Token());

        Assert.Contains("400", refused.Message);
        Assert.Contains(path, refused.Message);
        Assert.False(File.Exists(temp.Combine("out")) && new FileInfo(temp.Combine("out")).Length > 0);
        Assert.Equal(3, inside);
    }

    private static TentacleClient ClientFor(PollingTentacle fixture, string transport)
    {
        var clients = fixture.Server.Server.Services.GetRequiredService<TentacleClients>();
        return transport == "polling"
            ? clients.ForPolling(PollingTentacle.Subscription, fixture.TentacleThumbprint, TimeSpan.FromSeconds(10))
            : clients.For(fixture.Agent!.ListenUri!, fixture.TentacleThumbprint);
    }

    private static async Task<ScriptStatus> WaitCompleteAsync(TentacleClient client, string ticket)
    {
        var token = TestTimeout.Token(20);
        var events = new List<ScriptEvent>();
        while (true)
        {
            var status = await client.GetStatusAsync(ticket, events.Count == 0 ? 0 : events[^1].Sequence, token);
            events.AddRange(status.Events);
            if (status.State == ScriptState.Complete)
            {
                return status with { Events = events };
            }

            await Task.Delay(20, token);
        }
    }
}
