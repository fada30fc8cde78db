using OctoLite.Tests.Support;

namespace OctoLite.Tests.Workers;

/// <summary>The link between server and tentacle breaks while a script runs: the script goes on, and the log resumes where it was.</summary>
public sealed class TentacleLinkTests
{
    [Fact]
    public async Task LinkBrokenMidScript_LogResumesFromTheLastSequence_NoLineLostOrTwice()
    {
        TcpFaultProxy? proxy = null;
        await using var fixture = await ListeningTentacle.StartAsync(route: uri =>
        {
            proxy = new TcpFaultProxy(uri.Port);
            return new Uri($"https://127.0.0.1:{proxy.Port}/");
        });
        await using var _ = proxy!;
        await fixture.Api.RunbookAsync("Chatty", ListeningTentacle.Remote("Count", """
            for i in $(seq 1 60); do echo "line $i"; sleep 0.05; done
            set_octopusvariable "Done" "yes"
            """), ListeningTentacle.Remote("After", """echo "done #{Octopus.Action[Count].Output.Done}" """));
        var id = await fixture.Api.RunAsync("Chatty");
        var deadline = TestTimeout.Token(20);
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
        Assert.Contains(texts, t => t.StartsWith("Lost contact with the tentacle (worker unavailable", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Back in contact with the tentacle", StringComparison.Ordinal));
        Assert.Contains("done yes", texts);
    }

    [Fact]
    public async Task LinkNeverComesBack_FailsWorkerUnavailable_AfterTheLostContactLimit()
    {
        TcpFaultProxy? proxy = null;
        await using var fixture = await ListeningTentacle.StartAsync(route: uri =>
        {
            proxy = new TcpFaultProxy(uri.Port);
            return new Uri($"https://127.0.0.1:{proxy.Port}/");
        });
        await using var _ = proxy!;
        fixture.Timeouts.LostContactLimit = TimeSpan.FromSeconds(2);
        await fixture.Api.RunbookAsync("Cut", ListeningTentacle.Remote("Wait", "echo started; sleep 30"));
        var id = await fixture.Api.RunAsync("Cut");
        var deadline = TestTimeout.Token(20);
        while (!(await fixture.Api.LogTextAsync(id)).Contains("started"))
        {
            await Task.Delay(20, deadline);
        }

        proxy!.Break();
        var task = await fixture.Api.WaitAsync(id, 20);

        Assert.Equal("Failed", task["State"]!.GetValue<string>());
        var message = task["ErrorMessage"]!.GetValue<string>();
        Assert.True(message.Contains("worker unavailable", StringComparison.Ordinal), message);
        Assert.Contains("the script may still be running there", message);
    }
}
