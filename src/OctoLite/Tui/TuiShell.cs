using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace OctoLite.Tui;

/// <summary>The full-screen shell of <c>octolite</c> (no verb) and <c>octolite tui</c>.</summary>
internal static class TuiShell
{
    /// <summary>Exit code when there is no terminal to draw on: the shell never starts.</summary>
    public const int NoTerminalExitCode = 2;

    /// <summary>Runs the full-screen shell until the user quits; returns the process exit code (0).</summary>
    /// <remarks>
    /// Cancelling <paramref name="cancellationToken"/> (e.g. on SIGTERM) closes the shell as if the user
    /// had quit. Either way the terminal is restored when the application is disposed: main screen back,
    /// cursor visible, cooked mode. With no terminal at all (stdin and stdout redirected and no
    /// controlling terminal, as in CI or a pipe from cron) it says so on stderr and returns
    /// <see cref="NoTerminalExitCode"/> at once, instead of running an invisible UI nobody can quit.
    /// </remarks>
    public static int Run(TuiStartInfo start, CancellationToken cancellationToken)
    {
        TerminalGuiStartup.EnsureInitialized();
        ArgumentNullException.ThrowIfNull(start);
        if (cancellationToken.IsCancellationRequested)
            return 0;

        if (!Driver.IsAttachedToTerminal(out _, out _))
        {
            Console.Error.WriteLine("The terminal UI needs an interactive terminal, and this process has none. See octolite --help for the commands.");
            return NoTerminalExitCode;
        }

        TerminalSetup.Apply();
        if (start.Options is { Color: false })
        {
            // Terminal.Gui drops colour itself when NO_COLOR is set (no-color.org); --no-color asks for the same.
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
        }

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
        app.Run(window, window.OnUnhandled);
        if (window.Fault is { } fault)
        {
            // The terminal is restored when the app is disposed; the reason goes to stderr, where it can be read.
            Console.Error.WriteLine($"The terminal UI stopped on a repeated fault: {fault.Message}");
            return 1;
        }

        return 0;
    }
}
