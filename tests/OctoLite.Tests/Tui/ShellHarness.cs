using OctoLite.Cli.Client;
using OctoLite.Tests.Support;
using OctoLite.Tui;
using OctoLite.Tui.Data;
using OctoLite.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace OctoLite.Tests.Tui;

/// <summary>
/// The shell on a headless terminal, attached to a real in-process server over its Unix socket, as
/// <c>octolite tui</c> would be. The status line is fixed text, so screens render the same on every run.
/// </summary>
internal sealed class ShellHarness : IAsyncDisposable
{
    private readonly OctoLiteClient _client;

    private ShellHarness(RunningServer server, HeadlessApp headless, OctoLiteClient client, ShellWindow window)
    {
        Server = server;
        Headless = headless;
        _client = client;
        Window = window;
    }

    public RunningServer Server { get; }

    public HeadlessApp Headless { get; }

    public ShellWindow Window { get; }

    public TuiApi Api => new(_client);

    /// <summary>What a screen built outside the catalog needs to live in this shell.</summary>
    public ScreenContext Context => new(new TuiApi(_client), Window, new TuiOptions());

    public static async Task<ShellHarness> StartAsync(string screen, TuiOptions? options = null, int width = 80, int height = 24, Func<RunningServer, Task>? seed = null)
    {
        var server = await RunningServer.StartAsync();
        if (seed is not null)
            await seed(server);
        var headless = new HeadlessApp(width, height);
        var client = new OctoLiteClient(ServerAddress.Local(server.Paths));
        var window = new ShellWindow(new TuiStartInfo("Attached to the test server", _ => Task.FromResult("ok"), new TuiApi(client), options ?? new TuiOptions(), screen));
        headless.App.Begin(window);
        var harness = new ShellHarness(server, headless, client, window);
        // The status line arrives through the UI loop; wait for it so every render shows the same line.
        headless.PumpUntil(() => window.StatusText == "ok", "the status line");
        return harness;
    }

    /// <summary>Loads the shown screen now and waits until its update ran on the UI thread.</summary>
    public void Refresh(Func<bool>? until = null, string what = "the screen to load")
    {
        var screen = Window.CurrentScreen ?? throw new InvalidOperationException("No screen is shown.");
        var update = screen.LoadAsync(TestTimeout.Token()).GetAwaiter().GetResult();
        update();
        if (until is not null)
            Headless.PumpUntil(until, what);
    }

    /// <summary>Waits for the shell's own refresh (timers and background loads) until <paramref name="done"/> holds.</summary>
    public void PumpUntil(Func<bool> done, string what) => Headless.PumpUntil(done, what);

    public string Screen() => Headless.Screen();

    public void Type(string text)
    {
        foreach (var c in text)
            Headless.App.InjectKey(new Key(c));
    }

    public void Press(Key key) => Headless.App.InjectKey(key);

    public T Current<T>() where T : Screen => Assert.IsType<T>(Window.CurrentScreen);

    public async ValueTask DisposeAsync()
    {
        Window.Dispose();
        Headless.Dispose();
        _client.Dispose();
        await Server.DisposeAsync();
    }
}
