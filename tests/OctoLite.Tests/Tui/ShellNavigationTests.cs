using OctoLite.Tui.Screens;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui;

/// <summary>The shell's guarantees to its screens: faults shown not thrown, loads and results that follow navigation.</summary>
[Collection(TuiCollection.Name)]
public sealed class ShellNavigationTests
{
    [Fact]
    public async Task AKeyWhoseActionThrows_IsReportedOnTheMessageLine_AndTheShellGoesOn()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        var screen = new ProbeScreen(shell.Context) { OnKey = () => throw new InvalidOperationException("the probe broke") };
        shell.Window.Open(screen);

        shell.Type("z");

        Assert.True(shell.Window.HintIsError);
        Assert.Equal("the probe broke", shell.Window.HintText);
        Assert.False(shell.Window.StopRequested);
        shell.Press(Key.Esc);
        Assert.IsType<PoolsScreen>(shell.Window.CurrentScreen);
    }

    [Fact]
    public async Task AnUnhandledFault_IsShownAndTheLoopResumes_UnlessItRepeatsAtOnce()
    {
        await using var shell = await ShellHarness.StartAsync("pools");

        Assert.True(shell.Window.OnUnhandled(new FormatException("bad host")));
        Assert.Equal("Error: bad host", shell.Window.HintText);
        Assert.Null(shell.Window.Fault);

        var resumed = Enumerable.Range(0, 25).Select(_ => shell.Window.OnUnhandled(new InvalidOperationException("drawing failed"))).ToList();

        Assert.Contains(false, resumed);
        Assert.Equal("drawing failed", shell.Window.Fault?.Message);
    }

    [Fact]
    public async Task LeavingAScreenWhileItLoads_DropsThatLoad_AndTheNextScreenLoadsAtOnce()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        var slow = new ProbeScreen(shell.Context) { Gate = new TaskCompletionSource() };
        shell.Window.Open(slow);
        shell.PumpUntil(() => slow.LoadsStarted == 1, "the slow screen's load to start");

        shell.Press(Key.Esc);
        var pools = shell.Current<PoolsScreen>();
        shell.PumpUntil(() => pools.Table.Shown.Count == 1, "the pools screen to load while the slow load still hangs");

        shell.PumpUntil(() => slow.LoadWasCancelled, "the left screen's load to be cancelled");
        Assert.Equal(0, slow.UpdatesApplied);
    }

    [Fact]
    public async Task AnActionsFollowUp_RunsOnlyIfItsScreenIsStillShown_ButItsResultIsSaid()
    {
        await using var shell = await ShellHarness.StartAsync("pools");
        var gate = new TaskCompletionSource();
        var followedUp = false;
        var screen = new ProbeScreen(shell.Context);
        screen.OnKey = () => shell.Window.Run("Working", async _ =>
        {
            await gate.Task;
            return "done working";
        }, () => followedUp = true);
        shell.Window.Open(screen);

        shell.Type("z");
        shell.Type(":audit");
        shell.Press(Key.Enter);
        gate.SetResult();
        shell.PumpUntil(() => shell.Window.HintText == "done working", "the action's result");

        Assert.False(followedUp);
        Assert.IsType<AuditScreen>(shell.Window.CurrentScreen);
    }

    /// <summary>A screen for testing the shell: a key "z", a load that may hang until a gate opens.</summary>
    private sealed class ProbeScreen(ScreenContext context) : Screen(context)
    {
        private int _loadsStarted;

        public Action OnKey { get; set; } = () => { };

        public TaskCompletionSource? Gate { get; init; }

        public int LoadsStarted => Volatile.Read(ref _loadsStarted);

        private volatile bool _cancelled;

        public bool LoadWasCancelled => _cancelled;

        public int UpdatesApplied { get; private set; }

        public override string Caption => "Probe";

        public override IReadOnlyList<ScreenKey> Keys => [new("z", "Probe", "Runs the probe's action", () => OnKey())];

        public override async Task<Action> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _loadsStarted);
            if (Gate is { } gate)
            {
                try
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    _cancelled = true;
                    throw;
                }
            }

            return () => UpdatesApplied++;
        }
    }
}
