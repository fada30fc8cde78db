using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

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

    /// <summary>
    /// Like <see cref="WithModal{TModal}"/> for a run of modals opened one after another by one action (a form, then
    /// a confirmation): each step acts once on the next modal to come on top. Fails if fewer modals appeared, or one
    /// was left open for 5 s.
    /// </summary>
    public void WithModals(Action open, params Action<IRunnable>[] steps)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        IRunnable? last = null;
        var timedOut = false;
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            var top = App.TopRunnable;
            if (done < steps.Length && top is not null && App.SessionStack?.Count() > 1 && !ReferenceEquals(top, last))
            {
                last = top;
                clock.Restart();
                steps[done++](top);
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(5) && App.SessionStack?.Count() > 1)
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

        Assert.Equal(steps.Length, done);
        Assert.False(timedOut, "A modal was still open after 5 s.");
    }

    /// <summary>Presses the button with this text in a modal (e.g. "Yes" in a confirmation).</summary>
    public static void Press(IRunnable modal, string button)
    {
        var view = Assert.IsAssignableFrom<View>(modal);
        var buttons = (modal is Dialog dialog ? dialog.Buttons : []).Concat(Descendants(view).OfType<Button>()).ToList();
        var found = buttons.FirstOrDefault(b => b.Text.Replace("_", "", StringComparison.Ordinal) == button)
            ?? throw new InvalidOperationException($"No '{button}' button in {modal.GetType().Name}: {string.Join(", ", buttons.Select(b => b.Text))}.");
        found.InvokeCommand(Command.Accept);
    }

    private static IEnumerable<View> Descendants(View view)
    {
        foreach (var child in view.SubViews)
        {
            yield return child;
            foreach (var below in Descendants(child))
                yield return below;
        }
    }

    public void Dispose() => App.Dispose();
}
