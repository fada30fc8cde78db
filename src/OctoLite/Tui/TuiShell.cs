using Terminal.Gui.App;

namespace OctoLite.Tui;

/// <summary>The full-screen shell of <c>octolite</c> (no verb) and <c>octolite tui</c>.</summary>
internal static class TuiShell
{
    /// <summary>Runs the full-screen shell until the user quits; returns the process exit code (0).</summary>
    /// <remarks>
    /// Cancelling <paramref name="cancellationToken"/> (e.g. on SIGTERM) closes the shell as if the user
    /// had quit. Either way the terminal is restored when the application is disposed: main screen back,
    /// cursor visible, cooked mode.
    /// </remarks>
    public static int Run(TuiStartInfo start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (cancellationToken.IsCancellationRequested)
            return 0;

        TerminalSetup.Apply();
        using var app = Application.Create();
        app.Init();
        return RunOn(app, start, cancellationToken);
    }

    /// <summary>The part of <see cref="Run"/> after <c>Init</c>; tests call it with a headless app.</summary>
    internal static int RunOn(IApplication app, TuiStartInfo start, CancellationToken cancellationToken)
    {
        using var quiet = IdleCursorGuard.Attach(app);
        using var window = new ShellWindow(start);
        // The callback runs on whichever thread cancels: it may only queue work for the UI thread.
        using var quitOnCancel = cancellationToken.Register(() => app.Invoke(window.QuitAll));
        app.Run(window);
        return 0;
    }
}
