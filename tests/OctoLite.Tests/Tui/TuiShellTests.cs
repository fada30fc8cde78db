using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class TuiShellTests
{
    [Fact]
    public void RunOn_ReturnsZero_WhenTheTokenIsCancelledFromAnotherThread()
    {
        using var shutdown = new CancellationTokenSource();
        var asked = 0;
        var start = new TuiStartInfo("srv", _ =>
        {
            // The first status proves the loop is running; then the "SIGTERM" arrives from a timer thread.
            if (Interlocked.Increment(ref asked) == 1)
                shutdown.CancelAfter(TimeSpan.FromMilliseconds(200));
            return Task.FromResult("ok");
        });
        int? exitCode = null;
        var ui = new Thread(() =>
        {
            using var headless = new HeadlessApp();
            exitCode = TuiShell.RunOn(headless.App, start, shutdown.Token);
        }) { IsBackground = true };

        ui.Start();

        Assert.True(ui.Join(TimeSpan.FromSeconds(20)), "The shell did not stop after cancellation.");
        Assert.Equal(0, exitCode);
        Assert.Equal(1, Volatile.Read(ref asked));
    }

    [Fact]
    public void Run_ReturnsZeroWithoutTouchingTheTerminal_WhenAlreadyCancelled()
    {
        var asked = false;
        var start = new TuiStartInfo("srv", _ =>
        {
            asked = true;
            return Task.FromResult("ok");
        });

        int? exitCode = null;
        // On a thread of its own: a shell that did start would run until the test host is torn down.
        var ui = new Thread(() => exitCode = TuiShell.Run(start, new CancellationToken(canceled: true))) { IsBackground = true };

        ui.Start();

        Assert.True(ui.Join(TimeSpan.FromSeconds(10)), "The shell started although the token was already cancelled.");
        Assert.Equal(0, exitCode);
        Assert.False(asked);
    }

    [Fact]
    public void Run_ReturnsTheNoTerminalCode_WithoutStarting_WhenThereIsNoTerminal()
    {
        // The Tui collection hides the terminal from Terminal.Gui, as CI or a cron pipe would.
        var asked = false;
        var start = new TuiStartInfo("srv", _ =>
        {
            asked = true;
            return Task.FromResult("ok");
        });
        int? exitCode = null;
        var ui = new Thread(() => exitCode = TuiShell.Run(start, CancellationToken.None)) { IsBackground = true };

        ui.Start();

        Assert.True(ui.Join(TimeSpan.FromSeconds(10)), "The shell started without a terminal.");
        Assert.Equal(TuiShell.NoTerminalExitCode, exitCode);
        Assert.False(asked);
    }
}
