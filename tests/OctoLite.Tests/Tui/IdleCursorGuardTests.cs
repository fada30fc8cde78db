using OctoLite.Tui;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace OctoLite.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class IdleCursorGuardTests
{
    [Fact]
    public void Guard_LowersTheCursorFlag_WhenTheTerminalAlreadyShowsTheWantedCursor()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);
        var driver = headless.App.Driver!;
        driver.SetCursor(new Cursor());
        driver.SetCursorNeedsUpdate(true);

        // Without the guard Terminal.Gui never lowers it: every iteration re-sends the cursor.
        headless.App.RaiseIteration();
        Assert.True(driver.GetCursorNeedsUpdate());

        using var guard = IdleCursorGuard.Attach(headless.App);
        headless.App.RaiseIteration();
        Assert.False(driver.GetCursorNeedsUpdate());
    }

    [Fact]
    public void Guard_KeepsTheCursorFlag_WhenTheFocusedViewWantsACursorNotYetShown()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);
        using var guard = IdleCursorGuard.Attach(headless.App);
        headless.App.InjectKey(new Key(':'));
        headless.Screen();
        var driver = headless.App.Driver!;
        driver.SetCursor(new Cursor());
        driver.SetCursorNeedsUpdate(true);

        headless.App.RaiseIteration();

        Assert.True(driver.GetCursorNeedsUpdate());
    }
}
