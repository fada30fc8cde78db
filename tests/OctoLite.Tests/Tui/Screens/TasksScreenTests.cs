using OctoLite.Tests.Cli;
using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class TasksScreenTests
{
    [Fact]
    public async Task Tasks_ShowAFinishedRun_WithItsStateProjectAndDuration()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();
        var tasks = shell.Current<TasksScreen>();

        var row = Assert.Single(tasks.Table.Shown);
        var screen = shell.Screen();

        Assert.Equal("ServerTasks-1", row.Task.Id);
        Assert.Equal("Ops", row.Project);
        Assert.Contains("✓ Success", screen);
        Assert.Contains("Deploy site", screen);
        Assert.Matches(@"Ops\s+\d\d-\d\d \d\d:\d\d:\d\d\s+\d+\.\ds", screen);
        Assert.Contains("Enter Open", shell.Window.Hints);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Tasks_RenderNewestFirst_WithStateSymbols(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("tasks", width: width, height: height, seed: async server =>
        {
            await TaskScreenSeed.FinishedRunAsync(server);
            var cli = new TaskCli(server);
            await cli.RunbookAsync("Broken", TaskCli.Bash("Fail", "echo about to fail; exit 3"));
            Assert.NotEqual(0, (await cli.RunAsync("runbook", "run", "Broken", "--project", TaskCli.Project, "--wait")).ExitCode);
        });
        shell.Refresh();
        var tasks = shell.Current<TasksScreen>();
        Assert.Equal(["ServerTasks-2", "ServerTasks-1"], tasks.Table.Shown.Select(r => r.Task.Id));
        // Fixed times (and a third task shown as still running) so the snapshot is the same on every run.
        tasks.Clock = new FixedClock(FixedClock.Start.AddMinutes(10));
        var fixedRows = tasks.Table.Shown.Select((r, i) => r with
        {
            Task = r.Task with { StartTime = FixedClock.Start.AddMinutes(-i * 5), CompletedTime = FixedClock.Start.AddMinutes(-i * 5).AddSeconds(12.34) },
        }).ToList();
        var running = fixedRows[0] with
        {
            Task = fixedRows[0].Task with { Id = "ServerTasks-3", State = OctoLite.Domain.TaskState.Executing, StartTime = FixedClock.Start.AddMinutes(8), CompletedTime = null, Description = "Run runbook Deploy site of project Ops" },
        };
        tasks.Show([running, .. fixedRows]);

        Snapshot.Verify(shell.Screen(), testName: $"Tasks_{width}x{height}");
    }

    [Theory]
    [InlineData("t")]
    [InlineData("task")]
    [InlineData("tasks")]
    public async Task Command_OpensTheTasksScreen_ByNameOrAlias(string name)
    {
        await using var shell = await ShellHarness.StartAsync("pools");

        Assert.True(shell.Window.Go(name));

        Assert.IsType<TasksScreen>(shell.Window.CurrentScreen);
    }

    [Fact]
    public async Task Enter_OpensTheSelectedTask_AndEscComesBack()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();

        shell.Press(Key.Enter);

        var task = shell.Current<TaskScreen>();
        Assert.Equal("Task ServerTasks-1", task.Caption);
        shell.Press(Key.Esc);
        Assert.IsType<TasksScreen>(shell.Window.CurrentScreen);
    }

    [Fact]
    public async Task Refresh_KeepsTheSelection_WhenNewerTasksArriveAbove()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        var cli = new TaskCli(shell.Server);
        await TaskScreenSeed.RunAndWaitAsync(cli, "Deploy site");
        shell.Refresh();
        var tasks = shell.Current<TasksScreen>();
        Assert.Equal(["ServerTasks-2", "ServerTasks-1"], tasks.Table.Shown.Select(r => r.Task.Id));
        tasks.Table.Select("ServerTasks-1");

        await TaskScreenSeed.RunAndWaitAsync(cli, "Deploy site");
        shell.Refresh();

        Assert.Equal("ServerTasks-3", tasks.Table.Shown[0].Task.Id);
        Assert.Equal("ServerTasks-1", tasks.Table.Selected?.Task.Id);
    }

    [Fact]
    public async Task QuickFilter_AsksTheServerForOneState()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();
        var tasks = shell.Current<TasksScreen>();

        shell.Type("3");
        shell.Refresh();
        Assert.Equal("Failed", tasks.State);
        Assert.Empty(tasks.Table.Shown);

        shell.Type("4");
        Assert.Equal("Success", tasks.State);
        shell.Refresh();
        Assert.Single(tasks.Table.Shown);
        shell.Type("3");
        shell.Refresh();
        shell.Type("1");
        Assert.Equal("", tasks.State);
    }

    [Fact]
    public async Task EmptyTable_FocusedAndEmpty_StillTakesTheNumberKeys()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        shell.Refresh();
        var tasks = shell.Current<TasksScreen>();
        Assert.Empty(tasks.Table.Shown);
        Assert.True(tasks.Table.HasFocus);

        shell.Type("3");
        Assert.Equal("Failed", tasks.State);
        shell.Refresh();
        Assert.Empty(tasks.Table.Shown);
        shell.Type("1");
        Assert.Equal("", tasks.State);

        shell.Type(":");
        Assert.True(shell.Window.CommandLineIsOpen);
    }

    [Fact]
    public async Task Cancel_AFinishedTask_SaysItHasEnded()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();

        shell.Type("c");

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("already ended", shell.Window.HintText);
    }

    [Fact]
    public async Task Cancel_ARunningTask_FromTheTable()
    {
        await using var shell = await ShellHarness.StartAsync("tasks");
        var id = await TaskScreenSeed.QueueAsync(shell.Server, "Sleepy", "echo started; sleep 60");
        var tasks = shell.Current<TasksScreen>();
        TaskScreenSeed.RefreshUntil(shell, () => tasks.Table.Selected?.Task.State == OctoLite.Domain.TaskState.Executing, "the task to run");

        TaskScreenModals.Run(shell.Headless, () => shell.Type("c"), TaskScreenModals.Answer("Yes"));

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Cancelling " + id, StringComparison.Ordinal), "the cancel");
        await new TaskCli(shell.Server).WaitForStateAsync(id, "Canceled");
    }

    [Fact]
    public async Task ReadOnly_HidesCancel_AndRefusesIt()
    {
        await using var shell = await ShellHarness.StartAsync("tasks", options: new TuiOptions(ReadOnly: true), seed: TaskScreenSeed.FinishedRunAsync);
        shell.Refresh();

        Assert.DoesNotContain("c Cancel", shell.Window.Hints);
        shell.Type("c");
        Assert.Contains("Read-only", shell.Window.HintText);
    }
}
