using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace OctoLite.Tests.Tui.Screens;

/// <summary>
/// Answers a sequence of modal dialogs opened by one key (a list, then a form, then a yes/no question): each step acts
/// once inside the next dialog of its type. Dialogs still open 10 s (real time) later are closed and the test fails.
/// </summary>
internal static class TaskScreenModals
{
    public static (Type Type, Action<object> Act) Step<T>(Action<T> act) => (typeof(T), o => act((T)o));

    /// <summary>Presses the button labelled <paramref name="text"/> in a dialog (MessageBox.Query's "Yes"/"No" among them).</summary>
    public static (Type Type, Action<object> Act) Answer(string text) => (typeof(Dialog), o => Press((Dialog)o, text));

    public static void Run(HeadlessApp headless, Action open, params (Type Type, Action<object> Act)[] steps)
    {
        var app = headless.App;
        var clock = Stopwatch.StartNew();
        var done = 0;
        var timedOut = false;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (done < steps.Length && app.TopRunnable is { } top && steps[done].Type.IsInstanceOfType(top) && seen.Add(top))
            {
                steps[done++].Act(top);
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                timedOut = true;
                foreach (var session in app.SessionStack?.ToArray() ?? [])
                    app.RequestStop(session.Runnable);
            }
        }

        app.Iteration += OnIteration;
        try
        {
            open();
        }
        finally
        {
            app.Iteration -= OnIteration;
        }

        Assert.False(timedOut, $"A dialog was still open after 10 s ({done} of {steps.Length} answered).");
        Assert.Equal(steps.Length, done);
    }

    private static void Press(Dialog dialog, string text)
    {
        var button = dialog.Buttons.FirstOrDefault(b => b.Text.Replace("_", "", StringComparison.Ordinal) == text)
            ?? throw new InvalidOperationException($"No '{text}' button in the dialog; it has: {string.Join(", ", dialog.Buttons.Select(b => b.Text))}.");
        button.InvokeCommand(Command.Accept);
    }
}
