using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class PoolsScreenTests
{
    private static async Task SeedPools(Support.RunningServer server)
    {
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Linux workers", "--description", "Debian boxes in rack 2")).ExitCode);
        Assert.Equal(0, (await server.CliAsync("pool", "create", "--name", "Windows", "--max-concurrent-leases", "2")).ExitCode);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Pools_RenderAsATable_InSortOrder(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("pools", width: width, height: height, seed: SeedPools);
        shell.Refresh();

        var screen = shell.Screen();

        Snapshot.Verify(screen, testName: $"Pools_{width}x{height}");
        Assert.Equal(["Default Worker Pool", "Linux workers", "Windows"], shell.Current<PoolsScreen>().Table.Shown.Select(r => r.Pool.Name));
    }

    [Fact]
    public async Task OnATerminalThatIsNotUtf8_NoBoxDrawingOrUnicodeSymbolsAreDrawn()
    {
        await using var shell = await ShellHarness.StartAsync("pools", options: new TuiOptions(Unicode: false), seed: SeedPools);
        shell.Refresh();

        var screen = shell.Screen();

        Assert.Contains("[Worker Pools] Attached to the test server", screen);
        Assert.Contains("* yes", screen);
        Assert.All(screen, c => Assert.True(c < 128, $"'{c}' (U+{(int)c:X4}) is not ASCII:\n{screen}"));
    }

    [Fact]
    public async Task Filter_NarrowsTheRows_AndEscClearsIt()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();

        shell.Type("/lin");
        Assert.True(shell.Window.FilterLineIsOpen);
        Assert.Equal(["Linux workers"], pools.Table.Shown.Select(r => r.Pool.Name));
        shell.Press(Key.Enter);
        Assert.False(shell.Window.FilterLineIsOpen);
        Assert.Equal("lin", pools.Filter);

        shell.Press(Key.Esc);
        Assert.Equal("", pools.Filter);
        Assert.Equal(3, pools.Table.Shown.Count);
    }

    [Fact]
    public async Task NewPool_FromTheDialog_IsCreatedOnTheServer_AndShown()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        shell.Refresh();

        shell.Headless.WithModal<FormDialog>(
            () => shell.Type("n"),
            dialog =>
            {
                dialog.Fields[0].Text = "Edge";
                dialog.Fields[1].Text = "Routers";
                shell.Press(Key.Enter);
            });

        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Created worker pool Edge", StringComparison.Ordinal), "the pool to be created");
        shell.Refresh();
        Assert.Contains(shell.Current<PoolsScreen>().Table.Shown, r => r.Pool.Name == "Edge" && r.Pool.Description == "Routers");
        Assert.Contains("Edge", shell.Screen());
    }

    [Fact]
    public async Task NewPool_WithABadLeaseCap_SaysWhy_AndCreatesNothing()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        shell.Refresh();

        shell.Headless.WithModal<FormDialog>(
            () => shell.Type("n"),
            dialog =>
            {
                dialog.Fields[0].Text = "Edge";
                dialog.Fields[2].Text = "lots";
                shell.Press(Key.Enter);
            });

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Max leases must be a whole number", shell.Window.HintText);
        var pools = await shell.Api.PoolsAsync(CancellationToken.None);
        Assert.Single(pools);
    }

    [Fact]
    public async Task DeletingTheDefaultPool_IsRefused_WithTheReason()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        shell.Refresh();

        shell.Type("d");

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("default pool and cannot be deleted", shell.Window.HintText);
        Assert.Single(await shell.Api.PoolsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ServerErrors_AreShownOnTheMessageLine_NotThrown()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[1].Pool.Id);

        // Renaming Linux workers to the name of an existing pool: the server refuses, the shell says why.
        shell.Headless.WithModal<FormDialog>(
            () => shell.Type("e"),
            dialog =>
            {
                dialog.Fields[0].Text = "Windows";
                shell.Press(Key.Enter);
            });

        shell.PumpUntil(() => shell.Window.HintIsError, "the server's refusal");
        Assert.Contains("Windows", shell.Window.HintText);
        Assert.Contains(await shell.Api.PoolsAsync(CancellationToken.None), p => p.Name == "Linux workers");
    }

    [Fact]
    public async Task Reorder_MovesTheSelectedPool_AndKeepsItSelected()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[2].Pool.Id);

        shell.Type("[");
        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Moved Windows", StringComparison.Ordinal), "the move");
        shell.Refresh();

        Assert.Equal(["Default Worker Pool", "Windows", "Linux workers"], pools.Table.Shown.Select(r => r.Pool.Name));
        Assert.Equal("Windows", pools.Table.Selected?.Pool.Name);
    }

    [Fact]
    public async Task Reorder_WhileSortedOrFiltered_IsRefusedWithTheReason()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();

        shell.Type("s");
        pools.Table.Select(pools.Table.Shown.Single(r => r.Pool.Name == "Windows").Pool.Id);
        shell.Type("[");
        Assert.True(shell.Window.HintIsError, shell.Window.HintText);
        Assert.StartsWith("Pools can be moved only in the list's own order", shell.Window.HintText, StringComparison.Ordinal);

        while (pools.Table.Sort.Column is not null)
            shell.Type("s");
        pools.ApplyFilter("Win");
        shell.Type("[");
        Assert.True(shell.Window.HintIsError, shell.Window.HintText);
        Assert.StartsWith("Pools can be moved only in the list's own order", shell.Window.HintText, StringComparison.Ordinal);

        Assert.Equal(["Default Worker Pool", "Linux workers", "Windows"], (await shell.Api.PoolsAsync(CancellationToken.None)).OrderBy(p => p.SortOrder).Select(p => p.Name));
    }

    [Fact]
    public async Task Reorder_ASecondPressWhileTheFirstIsSaved_IsIgnored()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[2].Pool.Id);

        shell.Type("[[");
        shell.PumpUntil(() => shell.Window.HintText.StartsWith("Moved Windows", StringComparison.Ordinal), "the move");
        shell.Refresh();

        Assert.Equal(["Default Worker Pool", "Windows", "Linux workers"], pools.Table.Shown.Select(r => r.Pool.Name));
        var audit = await shell.Api.AuditAsync(50, CancellationToken.None);
        Assert.Single(audit, e => e.Message == "Worker pools reordered");

        // Once the move is saved and the rows read again, the next press moves again.
        shell.Type("[");
        shell.PumpUntil(() => shell.Window.HintText == "Moved Windows to position 1.", "the second move");
    }

    [Fact]
    public async Task ReadOnly_HidesEveryMutatingKey_AndRefusesThem()
    {
        await using var shell = await ShellHarness.StartAsync("pools", options: new TuiOptions(ReadOnly: true), seed: SeedPools);
        shell.Refresh();

        Assert.DoesNotContain(shell.Window.Hints, h => h.Contains("New", StringComparison.Ordinal) || h.Contains("Delete", StringComparison.Ordinal));
        Assert.Contains(shell.Window.Hints, h => h.Contains("Sort", StringComparison.Ordinal));
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[1].Pool.Id);
        shell.Type("d");

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Read-only", shell.Window.HintText);
        Assert.Equal(3, (await shell.Api.PoolsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Refresh_KeepsTheSelectedRow_WhenRowsAreAddedAbove()
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[2].Pool.Id);

        Assert.Equal(0, (await shell.Server.CliAsync("pool", "create", "--name", "Alpha", "--sort-order", "1")).ExitCode);
        shell.Refresh();

        Assert.Equal("Alpha", pools.Table.Shown[0].Pool.Name);
        Assert.Equal("Windows", pools.Table.Selected?.Pool.Name);
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData("n", false)]
    [InlineData("\r", false)]
    public async Task Confirmation_AnswersToYAndN_AndAStrayEnterDeclines(string answer, bool deleted)
    {
        await using var shell = await ShellHarness.StartAsync("pools", seed: SeedPools);
        shell.Refresh();
        var pools = shell.Current<PoolsScreen>();
        pools.Table.Select(pools.Table.Shown[2].Pool.Id);

        shell.Headless.WithModals(() => shell.Type("d"), _ =>
        {
            if (answer == "\r")
                shell.Press(Key.Enter);
            else
                shell.Type(answer);
        });
        if (deleted)
            shell.PumpUntil(() => shell.Window.HintText == "Deleted worker pool Windows.", "the deletion");

        Assert.Equal(deleted ? 2 : 3, (await shell.Api.PoolsAsync(CancellationToken.None)).Count);
    }
}
