using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace OctoLite.Tests.Tui;

/// <summary>A Terminal.Gui application on the ANSI driver with no terminal behind it, on virtual time.</summary>
internal sealed class HeadlessApp : IDisposable
{
    public HeadlessApp(int width = 80, int height = 24)
    {
        App = Application.Create(Time);
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
    }

    public VirtualTimeProvider Time { get; } = new();

    public IApplication App { get; }

    /// <summary>What the screen shows after laying out and drawing whatever changed.</summary>
    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString() ?? string.Empty;
    }

    /// <summary>
    /// Runs due timers (and so queued Invokes) until <paramref name="done"/> holds. Background work (the
    /// status provider runs on the thread pool) needs real time to finish, hence the real-time limit.
    /// </summary>
    public void PumpUntil(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
                throw new TimeoutException($"Gave up waiting for {what}.");
            App.TimedEvents!.RunTimers();
            Thread.Sleep(5);
        }
    }

    /// <summary>Advances virtual time and runs the timers that became due.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        App.TimedEvents!.RunTimers();
    }

    /// <summary>
    /// Calls <paramref name="open"/>, which runs a modal <typeparamref name="TModal"/> and returns when it
    /// closes, and calls <paramref name="inModal"/> once from the modal's own loop. A modal still open
    /// 5 s (real time) later is closed with everything under it, and the test fails instead of hanging.
    /// </summary>
    public void WithModal<TModal>(Action open, Action<TModal> inModal)
    {
        var clock = Stopwatch.StartNew();
        var acted = false;
        var timedOut = false;
        // Iteration, not a timer: a zero-delay timer that repeats never leaves RunTimers, and with
        // virtual time standing still no later timer would ever come due.
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (!acted && App.TopRunnable is TModal modal)
            {
                acted = true;
                inModal(modal);
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                timedOut = true;
                foreach (var session in App.SessionStack?.ToArray() ?? [])
                    App.RequestStop(session.Runnable);
            }
        }

        App.Iteration += OnIteration;
        try
        {
            open();
        }
        finally
        {
            App.Iteration -= OnIteration;
        }

        Assert.True(acted, $"No {typeof(TModal).Name} was shown.");
        Assert.False(timedOut, $"The {typeof(TModal).Name} was still open after 5 s.");
    }

    public void Dispose() => App.Dispose();
}
