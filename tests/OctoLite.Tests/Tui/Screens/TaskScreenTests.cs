using System.Text.RegularExpressions;
using OctoLite.Domain;
using OctoLite.Tests.Cli;
using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class TaskScreenTests
{
    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task FinishedTask_RendersHeaderStepsAndLog(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("tasks", width: width, height: height, seed: TaskScreenSeed.FinishedRunAsync);
        var task = await shell.Api.TaskAsync("ServerTasks-1", CancellationToken.None);
        var page = await shell.Api.TaskLogAsync(task.Id, 0, 1000, CancellationToken.None);
        Assert.True(page.IsComplete);
        // Fixed times, paths and node name, and log times hidden: the snapshot is the same on every run and machine.
        var screen = new TaskScreen(new ScreenContext(shell.Api, shell.Window, new TuiOptions()), task.Id) { Clock = new FixedClock(FixedClock.Start.AddMinutes(5)) };
        screen.Show(task with
        {
            QueueTime = FixedClock.Start,
            StartTime = FixedClock.Start.AddSeconds(1),
            CompletedTime = FixedClock.Start.AddSeconds(3.5),
        }, null, page.Lines.Select(l => l with { Text = Fixed(l.Text) }).ToList(), complete: true);
        shell.Window.Open(screen);
        shell.Type("t");

        Snapshot.Verify(shell.Screen(), testName: $"Task_{width}x{height}");
        Assert.Equal(["STEPS", "✓ Build", "✓ Publish"], screen.StepsText.Select(s => s.TrimEnd()));
        Assert.Contains(screen.Log.VisibleRows(), r => r.EndsWith("Done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogView_FollowsARunningTask_AsLinesArrive_AndScrollingUpPausesIt()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Count", """for i in $(seq 1 60); do echo "line $i"; sleep 0.1; done""");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        var log = screen.Log;

        TaskScreenSeed.RefreshUntil(shell, () => log.LineCount > 0 && Shown(shell).Contains("line 25"), "line 25 to be shown");

        Assert.True(log.Follow);
        Assert.True(log.IsAtEnd);
        Assert.DoesNotContain("line 1\n", Shown(shell) + "\n");
        Assert.EndsWith(log.LastLine!.Text, log.VisibleRows()[^1]);

        shell.Press(Key.CursorUp);
        Assert.False(log.Follow);
        var top = log.TopRow;
        var seen = log.LastSequence;
        TaskScreenSeed.RefreshUntil(shell, () => log.LastSequence > seen + 5, "more lines while paused");
        Assert.Equal(top, log.TopRow);
        Assert.False(log.IsAtEnd);
        Assert.Contains("paused", shell.Screen());

        shell.Press(Key.End);
        Assert.True(log.Follow);
        Assert.True(log.IsAtEnd);
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsComplete, "the task to end");
        Assert.True(log.IsAtEnd);
        Assert.EndsWith("line 60", log.VisibleRows().Last(r => r.Contains("line", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LeftAndRight_InTheWrappedLogAndTheSteps_KeepTheFocus()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", width: 80, height: 16, seed: TaskScreenSeed.FinishedRunAsync);
        var screen = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");
        shell.Type("w");
        Assert.True(screen.Log.Wrap);

        shell.Press(Key.CursorRight);
        Assert.True(screen.Log.HasFocus);
        shell.Press(Key.CursorLeft);
        Assert.True(screen.Log.HasFocus);

        shell.Press(Key.Tab);
        Assert.False(screen.Log.HasFocus);
        shell.Press(Key.CursorRight);
        shell.Press(Key.CursorLeft);
        Assert.False(screen.Log.HasFocus);
        shell.Press(Key.Enter);
        Assert.Equal("Showing the step's log (End follows again; Tab goes back to the log).", shell.Window.HintText);
    }

    [Fact]
    public async Task Steps_TabThenEnter_ShowsTheSelectedStepsLines()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", width: 80, height: 16, seed: TaskScreenSeed.FinishedRunAsync);
        var screen = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");
        Assert.True(screen.Log.HasFocus);
        Assert.DoesNotContain(screen.Log.VisibleRows(), r => r.Contains("Step 1: Build", StringComparison.Ordinal));

        shell.Press(Key.Tab);
        Assert.False(screen.Log.HasFocus);
        shell.Press(Key.Enter);

        Assert.False(screen.Log.Follow);
        Assert.Contains("Step 1: Build", screen.Log.VisibleRows()[0]);
        Assert.True(screen.Log.HasFocus);
        shell.Press(Key.Tab);
        shell.Press(Key.CursorDown);
        shell.Press(Key.Enter);
        Assert.Contains("Step 2: Publish", screen.Log.VisibleRows()[0]);
    }

    [Fact]
    public async Task LongLog_IsReadAFewPagesPerLoad_AndEachLoadGoesOnWhereTheLastStopped()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            await cli.RunbookAsync("Chatty", TaskCli.Bash("Talk", "seq 1 5500"));
            await TaskScreenSeed.RunAndWaitAsync(cli, "Chatty");
        });
        Assert.True(shell.Window.Go("task", "ServerTasks-1"));
        var screen = shell.Current<TaskScreen>();

        shell.Refresh();
        var first = screen.Log.LineCount;
        Assert.Equal(TaskScreen.MaxPagesPerLoad * TaskScreen.PageSize, first);
        Assert.False(screen.IsComplete);
        shell.Refresh();
        Assert.True(screen.Log.LineCount > first, $"{screen.Log.LineCount} lines after two loads");

        TaskScreenSeed.RefreshUntil(shell, () => screen.IsComplete, "the rest of the log");
        Assert.Contains(screen.Log.VisibleRows(), r => r.EndsWith(" 5500", StringComparison.Ordinal));
        Assert.Equal(0L, screen.Log.Dropped);
    }

    [Fact]
    public async Task HugeLog_KeepsTheNewestLines_AndSaysSo()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            await cli.RunbookAsync("Chatty", TaskCli.Bash("Talk", "seq 1 10500"));
            await TaskScreenSeed.RunAndWaitAsync(cli, "Chatty");
        });

        var screen = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");

        Assert.Equal(LogView.DefaultCapacity, screen.Log.LineCount);
        Assert.True(screen.Log.Dropped > 500);
        Assert.Contains("(the last 10,000 of", shell.Screen());
        Assert.Contains(screen.Log.VisibleRows(), r => r.EndsWith(" 10500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveTail_BringsNewLines_BetweenRefreshes()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Tail", "echo first; sleep 1.5; echo second from the stream; sleep 1");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsTailing && screen.Log.VisibleRows().Any(r => r.EndsWith("first", StringComparison.Ordinal)), "the first line");

        // No refresh from here: virtual time stands still, so only the stream can bring the line.
        shell.PumpUntil(() => screen.Log.VisibleRows().Any(r => r.EndsWith("second from the stream", StringComparison.Ordinal)), "the streamed line");

        Assert.True(screen.Log.IsAtEnd);
        Assert.Single(screen.Log.VisibleRows(), r => r.EndsWith("first", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task HiddenTask_ClosesItsLiveTail_AndCatchesUpWhenShownAgain()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Hide", "echo first; sleep 1; echo written while hidden; sleep 30");
        Assert.True(shell.Window.Go("task", id));
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsTailing && screen.Log.VisibleRows().Any(r => r.EndsWith("first", StringComparison.Ordinal)), "the first line");

        Assert.True(shell.Window.Open("pools", ""));
        Assert.False(screen.IsTailing);

        while (!(await shell.Api.TaskLogAsync(id, 0, 100, timeout.Token)).Lines.Any(l => l.Text == "written while hidden"))
            await Task.Delay(50, timeout.Token);
        Assert.DoesNotContain(screen.Log.VisibleRows(), r => r.EndsWith("written while hidden", StringComparison.Ordinal));

        shell.Window.Back();
        Assert.True(screen.IsTailing);
        shell.PumpUntil(() => screen.Log.VisibleRows().Any(r => r.EndsWith("written while hidden", StringComparison.Ordinal)), "the line written while hidden");
        Assert.Single(screen.Log.VisibleRows(), r => r.EndsWith("written while hidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrapAndTimestampToggles_ChangeTheRender()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: async server =>
        {
            var cli = new TaskCli(server);
            await cli.ProjectAsync();
            await cli.RunbookAsync("Long", TaskCli.Bash("Say", """echo "start $(printf '=%.0s' $(seq 1 150)) end" """));
            await TaskScreenSeed.RunAndWaitAsync(cli, "Long");
        });
        var screen = TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");
        var log = screen.Log;
        string LongRow() => log.VisibleRows().Single(r => r.Contains("start =", StringComparison.Ordinal));
        int Visible(char c) => log.VisibleRows().Sum(r => r.Count(x => x == c));

        Assert.Matches(@"^\d\d:\d\d:\d\d ", LongRow());
        Assert.True(Visible('=') < 150);
        var before = shell.Screen();

        shell.Type("w");
        Assert.True(log.Wrap);
        Assert.Equal(150, Visible('='));
        Assert.Contains(log.VisibleRows(), r => r.EndsWith("end", StringComparison.Ordinal));
        Assert.NotEqual(before, shell.Screen());

        shell.Type("t");
        Assert.False(log.ShowTimestamps);
        Assert.DoesNotContain(log.VisibleRows(), r => Regex.IsMatch(r, @"^\d\d:\d\d:\d\d "));
        Assert.DoesNotMatch(@"│\d\d:\d\d:\d\d ", shell.Screen());

        shell.Type("wt");
        Assert.Matches(@"^\d\d:\d\d:\d\d ", LongRow());
    }

    [Fact]
    public async Task Search_SelectsMatches_NextPrevious_AndEscEndsIt()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();
        shell.Press(Key.Enter);
        var screen = shell.Current<TaskScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => screen.IsComplete, "the log");
        var log = screen.Log;

        shell.Type("/APPLE");
        Assert.True(shell.Window.FilterLineIsOpen);
        Assert.Equal(2, log.MatchCount);
        Assert.Equal("apple one", log.SelectedLine?.Text);
        shell.Press(Key.Enter);
        Assert.Equal("APPLE", screen.Filter);
        Assert.Contains("Match 1 of 2", shell.Window.HintText);

        shell.Type("n");
        Assert.Equal("apple two", log.SelectedLine?.Text);
        Assert.Contains("Match 2 of 2", shell.Window.HintText);
        shell.Type("n");
        Assert.Equal("apple one", log.SelectedLine?.Text);
        shell.Type("N");
        Assert.Equal("apple two", log.SelectedLine?.Text);
        Assert.Contains("/APPLE: 2 of 2", shell.Screen());
        Assert.Contains(log.VisibleRows(), r => r.EndsWith(" ◆  apple two", StringComparison.Ordinal));

        shell.Press(Key.Esc);
        Assert.Equal("", log.Search);
        Assert.Null(log.SelectedLine);
        Assert.Equal(2, shell.Window.Depth);
        shell.Press(Key.Esc);
        Assert.Equal(1, shell.Window.Depth);
    }

    [Fact]
    public async Task WithoutColourOrUnicode_StatesAndLevelsStillReadAsText()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", options: new TuiOptions(Color: false, Unicode: false), seed: TaskScreenSeed.FinishedRunAsync);
        TaskScreenSeed.OpenFinished(shell, "ServerTasks-1");

        var screen = shell.Screen();

        Assert.Contains("+ Success", screen);
        Assert.Contains("+ Build", screen);
        Assert.Matches(@"\|\d\d:\d\d:\d\d !   2 deprecated APIs in use", screen);
        Assert.Matches(@"\|\d\d:\d\d:\d\d >   Build 1.4.2 ready", screen);
    }

    [Fact]
    public async Task UnknownTask_SaysSoOnTheMessageLine()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        Assert.True(shell.Window.Go("task", "ServerTasks-999"));

        shell.PumpUntil(() => shell.Window.HintIsError, "the server's answer");
        Assert.Contains("ServerTasks-999", shell.Window.HintText);
    }

    /// <summary>Pins what depends on the machine: the work directory, the node's name and the user the tests run as.</summary>
    private static string Fixed(string text) =>
        Regex.Replace(
            Regex.Replace(Regex.Replace(text, @"/\S*/data/work/", "/var/lib/octolite/work/"), @"started on \S+,", "started on node-1,"),
            @"(?<=\bas |\bqueued by )" + Regex.Escape(Environment.UserName) + @"\b", "operator");

    private static string Shown(ShellHarness shell) => string.Join("\n", shell.Current<TaskScreen>().Log.VisibleRows());
}
