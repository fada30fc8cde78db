using OctoLite.Domain;
using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class WorkersScreenTests
{
    private const string Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567";

    /// <summary>Two pools and three listening workers, registered without calling them: no tentacle, no health, stable ids.</summary>
    internal static async Task SeedWorkers(Support.RunningServer server)
    {
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Linux")).ExitCode);
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Windows")).ExitCode);
        await Register(server, "build-01", "Linux");
        await Register(server, "build-02", "Linux,Windows");
        await Register(server, "win-01", "Windows");
        Assert.Equal(0, (await server.CliAsync("worker", "disable", "win-01")).ExitCode);
    }

    private static async Task Register(Support.RunningServer server, string name, string pools)
    {
        var (exitCode, output, error) = await server.CliAsync("worker", "register-listening", "--name", name, "--uri", $"https://{name}.example:10933/",
            "--thumbprint", Thumbprint, "--pool", pools, "--no-check");
        Assert.True(exitCode == 0, output + error);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Workers_RenderAsATable_WithTheSelectedWorkersDetails(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("workers", width: width, height: height, seed: SeedWorkers);
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();
        // The selected worker's health history arrives with the next load.
        shell.Refresh();

        Snapshot.Verify(shell.Screen(), testName: $"Workers_{width}x{height}");
        Assert.Equal(["build-01", "build-02", "win-01"], workers.Table.Shown.Select(r => r.Worker.Name));
        Assert.Contains(workers.Details.Lines, l => l.Contains("none yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workers_OnAWideTerminal_ShowTheDetailsBesideTheTable()
    {
        await using var shell = await ShellHarness.StartAsync("workers", width: 170, height: 30, seed: SeedWorkers);
        shell.Refresh();
        shell.Screen();
        var workers = shell.Current<WorkersScreen>();

        Assert.Equal(workers.Table.Frame.Y, workers.Details.Frame.Y);
        Assert.Equal(workers.Table.Frame.Right, workers.Details.Frame.X);
    }

    [Fact]
    public async Task EnterOnAPool_ShowsOnlyItsWorkers_AndEscGoesBack()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedWorkers);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown.Single(r => r.Pool.Name == "Windows").Pool.Id);

        shell.Press(Key.Enter);
        var workers = shell.Current<WorkersScreen>();
        shell.Refresh();

        Assert.Equal(["build-02", "win-01"], workers.Table.Shown.Select(r => r.Worker.Name));
        Assert.StartsWith("Pool Windows: 2 workers", workers.PoolLine, StringComparison.Ordinal);
        shell.Press(Key.Esc);
        Assert.IsType<PoolsScreen>(shell.Window.CurrentScreen);
    }

    [Fact]
    public async Task EmptyTable_FocusedAndEmpty_StillTakesA_ToAddAWorker()
    {
        await using var shell = await ShellHarness.StartAsync("workers");
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();
        Assert.Empty(workers.Table.Shown);
        Assert.True(workers.Table.HasFocus);

        var opened = false;
        shell.Headless.WithModal<AddWorkerKindDialog>(() => shell.Type("a"), _ =>
        {
            opened = true;
            shell.Press(Key.Esc);
        });

        Assert.True(opened);
        Assert.Empty(await shell.Api.WorkersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LeftAndRight_InTheDetailsPane_KeepTheFocus()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();

        shell.Press(Key.Enter);
        Assert.True(workers.Details.HasFocus);
        shell.Press(Key.CursorRight);
        Assert.True(workers.Details.HasFocus);
        shell.Press(Key.CursorLeft);
        Assert.True(workers.Details.HasFocus);
    }

    [Fact]
    public async Task ACommandWithAPoolName_ShowsThatPoolsWorkers_AndAnUnknownPoolIsSaid()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Type(":w linux");
        shell.Press(Key.Enter);
        shell.PumpUntil(() => shell.Window.CurrentScreen is WorkersScreen { Table.Shown.Count: 2 }, "the Linux pool's workers");
        Assert.Equal(["build-01", "build-02"], shell.Current<WorkersScreen>().Table.Shown.Select(r => r.Worker.Name));

        shell.Type(":workers Nowhere");
        shell.Press(Key.Enter);
        shell.PumpUntil(() => shell.Window.HintIsError, "the unknown pool");
        Assert.Contains("no worker pool 'Nowhere'", shell.Window.HintText);
    }

    [Fact]
    public async Task Disable_ThenEnable_RoundTripsThroughTheServer()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();
        Assert.Equal("build-01", workers.Table.Selected?.Worker.Name);

        shell.Type("x");
        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Worker build-01 is disabled", StringComparison.Ordinal), "the worker to be disabled");
        Assert.True((await shell.Api.WorkersAsync(CancellationToken.None)).Single(w => w.Name == "build-01").IsDisabled);
        shell.Refresh();
        Assert.Contains("Disabled", shell.Screen().Split('\n').Single(l => l.Contains("build-01", StringComparison.Ordinal) && l.Contains("Listening", StringComparison.Ordinal)));

        shell.Type("x");
        shell.PumpUntil(() => shell.Window.HintText == "Worker build-01 is enabled.", "the worker to be enabled");
        Assert.False((await shell.Api.WorkersAsync(CancellationToken.None)).Single(w => w.Name == "build-01").IsDisabled);
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenDeletesOnTheServer()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();
        workers.Table.Select(workers.Table.Shown.Single(r => r.Worker.Name == "build-02").Worker.Id);

        shell.Headless.WithModal<Dialog>(() => shell.Type("d"), _ => shell.Press(Key.Esc));
        Assert.Equal(3, (await shell.Api.WorkersAsync(CancellationToken.None)).Count);

        shell.Headless.WithModal<Dialog>(() => shell.Type("d"), dialog =>
        {
            Assert.Contains("Delete worker build-02?", dialog.Text + string.Concat(Descendants(dialog).Select(v => v.Text)), StringComparison.Ordinal);
            dialog.Buttons.Single(b => b.Text.Contains("Yes", StringComparison.Ordinal)).InvokeCommand(Command.Accept);
        });
        shell.PumpUntil(() => shell.Window.HintText == "Deleted worker build-02.", "the worker to be deleted, not: " + shell.Window.HintText);
        shell.Refresh();

        Assert.DoesNotContain(await shell.Api.WorkersAsync(CancellationToken.None), w => w.Name == "build-02");
        Assert.Equal(["build-01", "win-01"], workers.Table.Shown.Select(r => r.Worker.Name));
    }

    [Fact]
    public async Task EditPools_SavesTheTickedPools_AndRefusesNone()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();

        shell.Headless.WithModal<WorkerPoolsDialog>(() => shell.Type("p"), dialog =>
        {
            Assert.Equal(["Default Worker Pool", "Linux", "Windows"], dialog.Boxes.Select(b => b.Text));
            Assert.Equal([CheckState.UnChecked, CheckState.Checked, CheckState.UnChecked], dialog.Boxes.Select(b => b.Value));
            dialog.Boxes[2].Value = CheckState.Checked;
            shell.Press(Key.Enter);
        });
        shell.PumpUntil(() => shell.Window.HintText == "Worker build-01 is in Linux, Windows.", "the pools to be saved");
        var saved = (await shell.Api.WorkersAsync(CancellationToken.None)).Single(w => w.Name == "build-01");
        Assert.Equal(2, saved.WorkerPoolIds.Count);

        shell.Headless.WithModal<WorkerPoolsDialog>(() => shell.Type("p"), dialog =>
        {
            foreach (var box in dialog.Boxes)
                box.Value = CheckState.UnChecked;
            shell.Press(Key.Enter);
        });
        Assert.True(shell.Window.HintIsError);
        Assert.Contains("at least one pool", shell.Window.HintText);
        Assert.Equal(2, (await shell.Api.WorkersAsync(CancellationToken.None)).Single(w => w.Name == "build-01").WorkerPoolIds.Count);
    }

    [Fact]
    public async Task HealthCheck_QueuesATaskForTheWorker_AndNamesIt()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();

        shell.Type("h");
        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Health check of build-01 queued as task ", StringComparison.Ordinal), "the health check");

        var taskId = shell.Window.HintText["Health check of build-01 queued as task ".Length..].TrimEnd('.');
        var task = await shell.Server.GetJsonAsync($"api/tasks/{taskId}");
        Assert.Equal("Health", task["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadOnly_HidesEveryMutatingKey_AndRefusesThem()
    {
        await using var shell = await ShellHarness.StartAsync("workers", options: new TuiOptions(ReadOnly: true), seed: SeedWorkers);
        shell.Refresh();

        Assert.DoesNotContain(shell.Window.Hints, h => h.StartsWith("x ", StringComparison.Ordinal) || h.StartsWith("d ", StringComparison.Ordinal) || h.StartsWith("a ", StringComparison.Ordinal));
        Assert.Contains("s Sort", shell.Window.Hints);
        shell.Type("x");
        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Read-only", shell.Window.HintText);
        shell.Type("d");
        Assert.Equal(3, (await shell.Api.WorkersAsync(CancellationToken.None)).Count);
        Assert.DoesNotContain(await shell.Api.WorkersAsync(CancellationToken.None), w => w.Name == "build-01" && w.IsDisabled);
    }

    [Fact]
    public async Task ServerErrors_AreShownOnTheMessageLine_NotThrown()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();

        // Deleted behind the screen's back: toggling it is refused by the server, and the shell says why.
        Assert.Equal(0, (await shell.Server.CliAsync("worker", "delete", "build-01")).ExitCode);
        shell.Type("x");

        shell.PumpUntil(() => shell.Window.HintIsError, "the server's refusal");
        Assert.Contains("Workers-1", shell.Window.HintText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", shell.Window.HintText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tab_MovesTheFocusToTheDetails_WhichScroll()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: SeedWorkers);
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();
        Assert.True(workers.Table.HasFocus);

        shell.Press(Key.Tab);
        Assert.True(workers.Details.HasFocus);
        shell.Press(Key.CursorDown);
        Assert.Equal(1, workers.Details.Top);
        Assert.Equal("build-01", workers.Table.Selected?.Worker.Name);

        shell.Press(Key.Tab);
        Assert.True(workers.Table.HasFocus);
    }

    [Fact]
    public async Task Details_ShowTheSelectedWorkersHealthHistory_AfterACheck()
    {
        await using var shell = await ShellHarness.StartAsync("workers", seed: async server =>
        {
            // Nothing listens on a port just closed: the check finds the worker Unavailable, quickly.
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var (exitCode, output, error) = await server.CliAsync("worker", "register-listening", "--name", "gone", "--uri", $"https://127.0.0.1:{port}/",
                "--thumbprint", Thumbprint, "--pool", "Default Worker Pool", "--no-check");
            Assert.True(exitCode == 0, output + error);
            await server.CliAsync("worker", "health-check", "gone", "--wait");
        });
        shell.Refresh();
        shell.Refresh();
        var workers = shell.Current<WorkersScreen>();

        var history = workers.Details.Lines.SkipWhile(l => !l.StartsWith("Health history", StringComparison.Ordinal)).Skip(1).ToList();
        var entry = Assert.Single(history);
        Assert.Contains("Unavailable", entry);
        Assert.Contains("ServerTasks-1", entry);
        Assert.Contains(workers.Details.Lines, l => l.StartsWith("Health", StringComparison.Ordinal) && l.Contains("Unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LastSeen_CountsFromTheScreensClock()
    {
        var seen = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var row = new WorkerRow(new Worker { Id = "Workers-9", Name = "poller-1", LastSeen = seen, Endpoint = new WorkerEndpoint { CommunicationStyle = CommunicationStyle.TentacleActive, Uri = "poll://abc/" } }, ["Linux"], "Default Machine Policy", 2);
        await using var shell = await ShellHarness.StartAsync("workers");
        var workers = shell.Current<WorkersScreen>();
        workers.Clock = new FixedClock(seen.AddSeconds(12));

        workers.Show([row]);

        string Line() => shell.Screen().Split('\n').Single(l => l.Contains("poller-1", StringComparison.Ordinal) && l.Contains("Polling", StringComparison.Ordinal));
        var line = Line();
        Assert.Contains("<1m ago", line);
        Assert.Contains(" 2 ", line);

        // Two refreshes apart, under a minute: the row reads the same, so nothing is redrawn.
        workers.Clock = new FixedClock(seen.AddSeconds(14));
        workers.Show([row]);
        Assert.Equal(line, Line());
    }

    [Theory]
    [InlineData(0, "<1m ago")]
    [InlineData(59, "<1m ago")]
    [InlineData(61, "1m ago")]
    [InlineData(3 * 3600 + 5, "3h ago")]
    [InlineData(3 * 86400, "3d ago")]
    public void Ago_ShowsMinutesHoursOrDays_NeverSeconds(int seconds, string shown)
    {
        var seen = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(shown, WorkerText.Ago(seen, seen.AddSeconds(seconds)));
    }

    internal static IEnumerable<View> Descendants(View view) => view.SubViews.SelectMany(v => Descendants(v).Prepend(v));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
