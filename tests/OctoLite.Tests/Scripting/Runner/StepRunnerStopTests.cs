using System.Diagnostics;
using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Tests.Scripting.Processes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Runner;

public sealed class StepRunnerStopTests
{
    // Prints the script's process group and the pids of a background sleep and of a subshell with its own sleep.
    private const string Forks = """
        sleep 300 &
        first=$!
        ( sleep 300; echo never ) &
        echo "pids $$ $first $!"
        wait
        """;

    [Fact]
    public async Task RunAsync_TimesOut_AndLeavesNoProcessOfTheGroupRunning()
    {
        using var run = new StepRun();
        var request = run.Request(Forks) with { Timeout = TimeSpan.FromMilliseconds(700) };

        var stopwatch = Stopwatch.StartNew();
        var result = await run.RunAsync(request);

        Assert.Equal(StepOutcome.TimedOut, result.Outcome);
        Assert.Equal("The step timed out after 00:00:00.7000000.", result.ErrorMessage);
        Assert.Equal(128 + 15, result.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(5));
        Assert.Contains((TaskLogLevel.Warning, "Stopping the script: the step timed out after 00:00:00.7000000."), run.Output.Lines);
        AssertAllGone(run.Output);
        Assert.Empty(run.Files());
    }

    [Fact]
    public async Task RunAsync_IsCanceled_AndLeavesNoProcessOfTheGroupRunning()
    {
        using var run = new StepRun();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestTimeout.Token());

        var running = run.RunAsync(Forks, cancellationToken: cancel.Token);
        await WaitForPidsAsync(run.Output);
        await cancel.CancelAsync();
        var result = await running;

        Assert.Equal(StepOutcome.Canceled, result.Outcome);
        Assert.Equal("The step was canceled.", result.ErrorMessage);
        Assert.Equal(128 + 15, result.ExitCode);
        Assert.Contains((TaskLogLevel.Warning, "Stopping the script: the step was canceled."), run.Output.Lines);
        AssertAllGone(run.Output);
        Assert.Empty(run.Files());
    }

    [Fact]
    public async Task RunAsync_KillsAScriptIgnoringSigterm_AfterTheGrace()
    {
        using var run = new StepRun();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestTimeout.Token());
        var request = run.Request("trap 'echo got TERM' TERM\necho ready\nwhile true; do sleep 0.05; done") with { TerminationGrace = TimeSpan.FromMilliseconds(400) };

        var running = run.RunAsync(request, cancel.Token);
        await run.Output.WaitForLineAsync("ready", TestTimeout.Token());
        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var result = await running;

        Assert.Equal(StepOutcome.Canceled, result.Outcome);
        Assert.Equal(128 + 9, result.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(5));
        Assert.Contains("got TERM", run.Output.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task RunAsync_StartsNothing_WhenAlreadyCanceled()
    {
        using var run = new StepRun();

        var result = await run.RunAsync("touch started", cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(StepOutcome.Canceled, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Empty(run.Files());
    }

    [Fact]
    public async Task RunAsync_StopsTheScriptAndRethrows_WhenTheSinkThrows()
    {
        using var run = new StepRun();
        var request = run.Request("echo $$ > pid.txt\necho boom\nsleep 300 & wait");

        var stopwatch = Stopwatch.StartNew();
        var thrown = await Assert.ThrowsAsync<IOException>(() => new StepRunner().RunAsync(request, new ThrowingOutput(), TestTimeout.Token()));

        Assert.Equal("the task log is full", thrown.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Empty(ProcTable.RunningInGroup(int.Parse(File.ReadAllText(Path.Combine(run.Folder, "pid.txt")), CultureInfo.InvariantCulture)));
        Assert.Equal(["pid.txt"], run.Files());
    }

    private static async Task<int[]> WaitForPidsAsync(StepOutputRecorder output)
    {
        var token = TestTimeout.Token();
        while (!output.Lines.Any(l => l.Text.StartsWith("pids ", StringComparison.Ordinal)))
            await Task.Delay(10, token);
        var pids = output.Lines.First(l => l.Text.StartsWith("pids ", StringComparison.Ordinal)).Text[5..].Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        // Wait until the subshell's own sleep has started too: bash, two sleeps, the subshell.
        await ProcTable.WaitUntilAsync(() => ProcTable.RunningInGroup(pids[0]).Count >= 4, token);
        return pids;
    }

    private static void AssertAllGone(StepOutputRecorder output)
    {
        var line = Assert.Single(output.Lines, l => l.Text.StartsWith("pids ", StringComparison.Ordinal));
        var pids = line.Text[5..].Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Empty(ProcTable.RunningInGroup(pids[0]));
        Assert.DoesNotContain(pids, ProcTable.IsRunning);
        Assert.DoesNotContain("never", output.At(TaskLogLevel.Info));
    }

    private sealed class ThrowingOutput : IStepOutput
    {
        public void Line(TaskLogLevel level, string text) => throw new IOException("the task log is full");

        public void Progress(int percentage, string message)
        {
        }

        public void OutputVariable(string name, string value, bool isSensitive)
        {
        }
    }
}
