using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace OctoLite.Tui;

/// <summary>
/// Keeps an idle shell silent. Terminal.Gui 2.5.0 raises the driver's "cursor needs update" flag on every
/// focus change or redraw but never lowers it, so from then on each main-loop iteration (25 a second)
/// re-sends the cursor: "ESC[?25l ESC[1;1H", about 300 bytes a second for as long as the app runs, idle
/// or not, which over SSH is the same constant traffic as the size polling in TerminalSetup.
/// </summary>
/// <remarks>
/// Before each iteration this lowers the flag when the terminal already shows the cursor the focused
/// view wants (what the last update wrote, e.g. hidden). Anything that changes focus or the cursor, or
/// redraws with a visible cursor, raises it again during the iteration and gets its one update.
/// </remarks>
internal sealed class IdleCursorGuard : IDisposable
{
    private readonly IApplication _app;

    private IdleCursorGuard(IApplication app)
    {
        _app = app;
        _app.Iteration += OnIteration;
    }

    public static IdleCursorGuard Attach(IApplication app) => new(app);

    private static void OnIteration(object? sender, EventArgs<IApplication?> e)
    {
        if (e.Value is not { Driver: { } driver } app || !driver.GetCursorNeedsUpdate())
            return;

        var focused = app.TopRunnableView?.MostFocused;
        var wanted = focused is { Cursor.IsVisible: true } ? focused.Cursor : new Cursor();
        if (driver.GetCursor() == wanted)
            driver.SetCursorNeedsUpdate(false);
    }

    public void Dispose() => _app.Iteration -= OnIteration;
}
