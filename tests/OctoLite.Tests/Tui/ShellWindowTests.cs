using OctoLite.Tui;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace OctoLite.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class ShellWindowTests
{
    [Fact]
    public void Window_ShowsServerAndFirstStatus_WhenItStarts()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("Attached to http://srv:8080", _ => Task.FromResult("3 workers online")));

        headless.App.Begin(window);
        headless.PumpUntil(() => window.StatusText == "3 workers online", "the first status");

        var screen = headless.Screen();
        Assert.Contains("OctoLite", screen);
        Assert.Contains("Attached to http://srv:8080", screen);
        Assert.Contains("Status: 3 workers online", screen);
        Assert.Contains("q/Ctrl+C", screen);
        Assert.False(window.StatusIsError);
    }

    [Fact]
    public void Status_IsAskedAgainEveryTwoSeconds_AndTheNewTextShown()
    {
        using var headless = new HeadlessApp();
        var calls = 0;
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult($"poll {Interlocked.Increment(ref calls)}")));
        headless.App.Begin(window);
        headless.PumpUntil(() => window.StatusText == "poll 1", "the first status");

        headless.Advance(TimeSpan.FromSeconds(1.9));
        Thread.Sleep(100);
        headless.Advance(TimeSpan.Zero);
        Assert.Equal(1, Volatile.Read(ref calls));

        headless.Advance(TimeSpan.FromSeconds(0.1));
        headless.PumpUntil(() => window.StatusText == "poll 2", "the refreshed status");
        Assert.Contains("Status: poll 2", headless.Screen());
    }

    [Fact]
    public void Status_ShowsTheErrorInTheErrorScheme_WhenTheProviderThrows_AndRecovers()
    {
        using var headless = new HeadlessApp();
        var fail = true;
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Volatile.Read(ref fail)
            ? throw new HttpRequestException("Connection refused (srv:8080)")
            : Task.FromResult("back")));
        headless.App.Begin(window);

        headless.PumpUntil(() => window.StatusIsError, "the error");
        Assert.Equal("Error: Connection refused (srv:8080)", window.StatusText);
        Assert.Contains("Error: Connection refused (srv:8080)", headless.Screen());

        Volatile.Write(ref fail, false);
        headless.Advance(TuiTimings.StatusRefreshInterval);
        headless.PumpUntil(() => window.StatusText == "back", "the recovered status");
        Assert.False(window.StatusIsError);
    }

    [Fact]
    public void Window_StopsRunning_OnQ()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.App.InjectKey(new Key('q'));

        Assert.True(window.StopRequested);
    }

    [Fact]
    public void Esc_OnTheFirstScreen_GoesNowhere_AndDoesNotQuit()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.App.InjectKey(Key.Esc);

        Assert.False(window.StopRequested);
    }

    [Fact]
    public void Window_KeepsRunning_OnAnotherKey()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.App.InjectKey(Key.X);

        Assert.False(window.StopRequested);
    }

    [Fact]
    public void CommandLine_RunsColonQ_AndTypingQThereDoesNotQuitByItself()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.App.InjectKey(new Key(':'));
        Assert.True(window.CommandLineIsOpen);
        headless.App.InjectKey(new Key('q'));
        Assert.False(window.StopRequested);

        headless.App.InjectKey(Key.Enter);
        Assert.True(window.StopRequested);
        Assert.False(window.CommandLineIsOpen);
    }

    [Fact]
    public void CommandLine_ClosesOnEscWithoutQuitting_AndReportsAnUnknownCommand()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.App.InjectKey(new Key(':'));
        headless.App.InjectKey(Key.Esc);
        Assert.False(window.CommandLineIsOpen);
        Assert.False(window.StopRequested);

        headless.App.InjectKey(new Key(':'));
        foreach (var c in "zap")
            headless.App.InjectKey(new Key(c));
        headless.App.InjectKey(Key.Enter);

        Assert.False(window.StopRequested);
        Assert.Equal("Unknown command ':zap' (try :q or :help)", window.HintText);
        Assert.Contains("Unknown command ':zap'", headless.Screen());
    }

    [Fact]
    public void QuestionMark_OpensTheHelpDialog_ListingTheBindings_AndEscClosesOnlyIt()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);
        string? shown = null;

        headless.WithModal<HelpDialog>(
            () => headless.App.InjectKey(new Key('?')),
            _ =>
            {
                shown = headless.Screen();
                headless.App.InjectKey(Key.Esc);
            });

        Assert.Contains("OctoLite keys", shown);
        Assert.Contains("q, Ctrl+C, :q", shown);
        Assert.Same(window, headless.App.TopRunnable);
        Assert.False(window.StopRequested);
    }

    [Fact]
    public void CtrlC_InsideTheHelpDialog_QuitsTheWholeShell()
    {
        using var headless = new HeadlessApp();
        using var window = new ShellWindow(new TuiStartInfo("srv", _ => Task.FromResult("ok")));
        headless.App.Begin(window);

        headless.WithModal<HelpDialog>(
            () => headless.App.InjectKey(new Key('?')),
            _ => headless.App.InjectKey(Key.C.WithCtrl));

        Assert.True(window.StopRequested);
    }
}
