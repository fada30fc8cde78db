using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

/// <summary>Running scripts through a real listening agent: journal, output variables, artifacts, idempotency, cancel, complete.</summary>
public sealed class TentacleScriptTests
{
    [Fact]
    public async Task Start_RunsBashScript_ReportingLinesVariablesArtifactAndExitCode()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();

        await client.StartAsync(new StartScriptCommand
        {
            Ticket = "ServerTasks-1.Steps-1",
            Syntax = "Bash",
            Script = """
                echo "hello from #{Greeting}"
                echo "secret is $(get_octopusvariable Password)"
                set_octopusvariable "Color" "blue"
                echo report > report.txt
                new_octopusartifact report.txt
                exit 3
                """,
            Variables = [new WireVariable("Greeting", "the tentacle", false), new WireVariable("Password", "hunter2", true)],
        }, token);
        var (final, events) = await client.WaitAsync("ServerTasks-1.Steps-1", token);

        Assert.Equal(ScriptState.Complete, final.State);
        Assert.Equal("Failed", final.Outcome);
        Assert.Equal(3, final.ExitCode);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var lines = events.Where(e => e.Kind == ScriptEventKind.Line).Select(e => e.Text).ToList();
        Assert.Contains("hello from the tentacle", lines);
        Assert.Contains("secret is ********", lines);
        Assert.DoesNotContain(events, e => e.Text.Contains("hunter2", StringComparison.Ordinal));
        var variable = Assert.Single(events, e => e.Kind == ScriptEventKind.OutputVariable);
        Assert.Equal(("Color", "blue", false), (variable.Name, variable.Value, variable.IsSensitive));
        var artifact = Assert.Single(events, e => e.Kind == ScriptEventKind.Artifact);
        Assert.Equal(("report.txt", "report.txt"), (artifact.Name, artifact.Path));
        Assert.Equal(artifact.Sequence, events[^1].Sequence); // artifacts come once the script has ended
    }

    [Fact]
    public async Task GetStatus_PagedWithAfter_GivesEveryEventOnce()
    {
        var token = TestTimeout.Token(60);
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();

        await client.StartAsync(new StartScriptCommand { Ticket = "paging", Script = "for i in $(seq 1 2500); do echo \"line $i\"; done" }, token);
        var (_, events) = await client.WaitAsync("paging", token);

        var numbered = events.Where(e => e.Text.StartsWith("line ", StringComparison.Ordinal)).Select(e => e.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => $"line {i}"), numbered);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));

        var middle = await client.StatusAsync("paging", 1200, token);
        Assert.Equal(1201, middle.Events[0].Sequence);
        Assert.Equal(ScriptState.Running, middle.State); // not the last page: Complete only comes with the last event
        var last = await client.StatusAsync("paging", events.Count, token);
        Assert.Empty(last.Events);
        Assert.Equal(ScriptState.Complete, last.State);
        Assert.Equal(events.Count, last.NextSequence);
    }

    [Fact]
    public async Task Start_SameTicketTwice_RunsTheScriptOnce()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();
        var marker = Path.Combine(tentacle.Home, "runs.txt");
        var command = new StartScriptCommand { Ticket = "once", Script = $"echo ran >> '{marker}'" };

        await client.StartAsync(command, token);
        await client.WaitAsync("once", token);
        var again = await client.StartAsync(command, token);

        Assert.Equal("once", again.Ticket);
        await client.WaitAsync("once", token);
        Assert.Equal(["ran"], await File.ReadAllLinesAsync(marker, token));
    }

    [Fact]
    public async Task Cancel_KillsTheWholeProcessTree()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();
        var pids = Path.Combine(tentacle.Home, "pids.txt");

        await client.StartAsync(new StartScriptCommand { Ticket = "long", Script = $"sleep 300 & echo $! > '{pids}'; echo started; wait" }, token);
        while (!File.Exists(pids) || (await File.ReadAllTextAsync(pids, token)).Trim().Length == 0)
        {
            await Task.Delay(50, token);
        }

        var child = int.Parse((await File.ReadAllTextAsync(pids, token)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var canceled = await client.CancelAsync("long", token);
        var (final, _) = await client.WaitAsync("long", token);

        Assert.Equal(ScriptState.Running, canceled.State);
        Assert.Equal("Canceled", final.Outcome);
        Assert.False(Directory.Exists($"/proc/{child}") && !File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"the script's child {child} still runs");
    }

    [Fact]
    public async Task Complete_DeletesWorkspaceAndJournal_AndForgetsTheTicket()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var client = tentacle.Client();

        await client.StartAsync(new StartScriptCommand { Ticket = "done", Script = "echo hi > file.txt" }, token);
        await client.WaitAsync("done", token);
        Assert.True(File.Exists(Path.Combine(tentacle.Home, "work", "done", "file.txt")));

        await client.CompleteAsync("done", token);
        await client.CompleteAsync("done", token); // retried after a lost answer: still fine

        Assert.False(Directory.Exists(Path.Combine(tentacle.Home, "work", "done")));
        Assert.False(Directory.Exists(Path.Combine(tentacle.Home, "journal", "done")));
        using var response = await client.Http.GetAsync(TentacleProtocol.Script("done"), token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Restart_StillAnswersStatusOfAFinishedTicket()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        await tentacle.Client().StartAsync(new StartScriptCommand { Ticket = "before", Script = "echo one; echo two; exit 4" }, token);
        var (_, before) = await tentacle.Client().WaitAsync("before", token);

        await tentacle.RestartAsync(token);
        var (final, after) = await tentacle.Client().WaitAsync("before", token);

        Assert.Equal(("Failed", 4), (final.Outcome, final.ExitCode));
        Assert.Equal(before.Select(e => (e.Sequence, e.Text)), after.Select(e => (e.Sequence, e.Text)));
    }

    [Fact]
    public async Task Restart_AfterTheAgentDiedMidScript_EndsTheTicketFailed()
    {
        var token = TestTimeout.Token();
        await using var tentacle = await RunningTentacle.StartAsync(token);
        var journal = Path.Combine(tentacle.Home, "journal", "orphan");
        Directory.CreateDirectory(journal);
        await File.WriteAllTextAsync(Path.Combine(journal, "events.jsonl"), "{\"Sequence\":1,\"Kind\":\"Line\",\"Level\":\"Info\",\"Text\":\"started\"}\n{\"Sequ", token);
        await File.WriteAllTextAsync(Path.Combine(journal, "status.json"), "{\"Ticket\":\"orphan\",\"State\":\"Running\"}", token);

        await tentacle.RestartAsync(token);
        var (final, events) = await tentacle.Client().WaitAsync("orphan", token);

        Assert.Equal("Failed", final.Outcome);
        Assert.Null(final.ExitCode);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        Assert.Contains("tentacle stopped", events[1].Text, StringComparison.Ordinal);
    }
}
