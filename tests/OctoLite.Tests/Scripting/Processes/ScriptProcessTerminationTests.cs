using System.Diagnostics;
using OctoLite.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Processes;

public sealed class ScriptProcessTerminationTests
{
    [Fact]
    public async Task Start_MakesTheScriptLeadItsOwnSessionAndGroup()
    {
        var output = new OutputRecorder();
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", "sleep 30"], Path.GetTempPath()), output.Record);

        var entry = ProcTable.Read(script.ProcessId);
        Assert.NotNull(entry);
        Assert.Equal(script.ProcessId, script.ProcessGroupId);
        Assert.Equal(script.ProcessId, entry.Pgid);
        Assert.Equal(script.ProcessId, entry.Sid);
        Assert.NotEqual(ProcTable.Read(Environment.ProcessId)!.Pgid, entry.Pgid);
    }

    [Fact]
    public async Task TerminateAsync_LeavesNoProcessOfTheGroupRunning_WhenTheScriptForkedGrandchildren()
    {
        var token = TestTimeout.Token(60);
        var output = new OutputRecorder();
        const string forks = "sleep 300 & sleep 300 & nohup sleep 300 >/dev/null 2>&1 & sh -c 'sleep 300' & echo started; wait";
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", forks], Path.GetTempPath()), output.Record);
        await output.WaitForAsync(l => l.Text == "started", token);
        await ProcTable.WaitUntilAsync(() => ProcTable.RunningInGroup(script.ProcessGroupId).Count >= 6, token); // bash, 3 sleeps, sh and its sleep
        var members = ProcTable.RunningInGroup(script.ProcessGroupId).Select(e => e.Pid).ToList();

        var stopwatch = Stopwatch.StartNew();
        await script.TerminateAsync(TimeSpan.FromSeconds(20), token);

        Assert.Empty(ProcTable.RunningInGroup(script.ProcessGroupId));
        Assert.DoesNotContain(members, ProcTable.IsRunning);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"SIGTERM alone should have ended the group, took {stopwatch.Elapsed}");
        Assert.Equal(128 + 15, await script.WaitForExitAsync(token));
    }

    [Fact]
    public async Task TerminateAsync_LeavesNothingRunning_WhenCalledRightAfterStart()
    {
        var token = TestTimeout.Token(60);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var script = ScriptProcess.Start(
                new ScriptProcessStartInfo(["/bin/bash", "-c", "sleep 300 & sleep 300 & wait"], Path.GetTempPath()), _ => { });

            await script.TerminateAsync(TimeSpan.FromSeconds(5), token);

            Assert.Empty(ProcTable.RunningInGroup(script.ProcessGroupId));
            Assert.False(ProcTable.IsRunning(script.ProcessId));
        }
    }

    [Fact]
    public async Task TerminateAsync_SendsSigkillAfterTheGrace_WhenTheScriptIgnoresSigterm()
    {
        var token = TestTimeout.Token(60);
        var output = new OutputRecorder();
        const string stubborn = "trap 'echo got TERM' TERM; echo ready; while true; do sleep 0.1; done";
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", stubborn], Path.GetTempPath()), output.Record);
        await output.WaitForAsync(l => l.Text == "ready", token);

        var stopwatch = Stopwatch.StartNew();
        await script.TerminateAsync(TimeSpan.FromSeconds(1.5), token);

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
        Assert.Empty(ProcTable.RunningInGroup(script.ProcessGroupId));
        Assert.Equal(128 + 9, await script.WaitForExitAsync(token));
        Assert.Contains("got TERM", output.StdOut);
    }

    [Fact]
    public async Task TerminateAsync_DoesNothing_WhenTheScriptHasFinished()
    {
        var token = TestTimeout.Token();
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/true"], Path.GetTempPath()), _ => { });
        Assert.Equal(0, await script.WaitForExitAsync(token));

        await script.TerminateAsync(TimeSpan.FromSeconds(5), token);

        Assert.Equal(0, await script.WaitForExitAsync(token));
    }

    [Fact]
    public async Task WaitForExitAsync_KeepsTheScriptRunning_WhenOnlyTheWaitIsCancelled()
    {
        var token = TestTimeout.Token(60);
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", "sleep 300"], Path.GetTempPath()), _ => { });
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => script.WaitForExitAsync(deadline.Token));

        Assert.True(ProcTable.IsRunning(script.ProcessId));
        await script.TerminateAsync(TimeSpan.FromSeconds(5), token);
        Assert.Equal(128 + 15, await script.WaitForExitAsync(token));
    }

    [Fact]
    public async Task DisposeAsync_KillsBackgroundProcesses_LeftByAFinishedScript()
    {
        var token = TestTimeout.Token(60);
        var output = new OutputRecorder();
        var script = ScriptProcess.Start(
            new ScriptProcessStartInfo(["/bin/bash", "-c", "nohup sleep 300 >/dev/null 2>&1 & echo $!"], Path.GetTempPath()), output.Record);
        Assert.Equal(0, await script.WaitForExitAsync(token));
        var orphan = int.Parse(Assert.Single(output.StdOut), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ProcTable.IsRunning(orphan));

        await script.DisposeAsync();

        Assert.False(ProcTable.IsRunning(orphan));
        Assert.Empty(ProcTable.RunningInGroup(script.ProcessGroupId));
    }

    [Fact]
    public async Task DisposeAsync_KillsTheWholeGroup_WhenTheScriptIsStillRunning()
    {
        var token = TestTimeout.Token(60);
        var output = new OutputRecorder();
        var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", "sleep 300 & echo ready; wait"], Path.GetTempPath()), output.Record);
        await output.WaitForAsync(l => l.Text == "ready", token);

        await script.DisposeAsync();

        Assert.Empty(ProcTable.RunningInGroup(script.ProcessGroupId));
    }

    [Fact]
    public async Task WaitForExitAsync_Returns_WhenAProcessThatLeftTheGroupHoldsThePipeAfterTerminate()
    {
        var token = TestTimeout.Token(60);
        using var temp = new TempDirectory();
        var output = new OutputRecorder();
        const string escape = "setsid sh -c 'echo $$ > escaped.pid; exec sleep 300' & echo ready; wait";
        await using var script = ScriptProcess.Start(new ScriptProcessStartInfo(["/bin/bash", "-c", escape], temp.Path), output.Record);
        await output.WaitForAsync(l => l.Text == "ready", token);
        await ProcTable.WaitUntilAsync(() => File.Exists(temp.Combine("escaped.pid")) && File.ReadAllText(temp.Combine("escaped.pid")).EndsWith('\n'), token);
        var escaped = int.Parse(File.ReadAllText(temp.Combine("escaped.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await script.TerminateAsync(TimeSpan.FromSeconds(5), token);

            Assert.Equal(128 + 15, await script.WaitForExitAsync(token));
            Assert.True(ProcTable.IsRunning(escaped), "a process in its own session is out of the group's reach");
        }
        finally
        {
            ProcessGroup.SignalProcess(escaped, ProcessGroup.Kill);
        }
    }
}
