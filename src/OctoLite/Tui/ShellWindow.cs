using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>
/// The shell's one screen: inside a frame titled OctoLite, the line naming the server it is attached
/// to, the live status line, a ":" command line and a status bar with the key hints.
/// </summary>
/// <remarks>
/// The frame is a sibling drawn under the content, not this runnable's own border. Terminal.Gui 2.5.0
/// redraws a view's border whenever any of its subviews redraws, and re-sends every cell it draws,
/// so a bordered window would put its whole frame on the wire (~1.3 KB) for each status change; this
/// way a change costs the changed line (~50 bytes).
/// </remarks>
internal sealed class ShellWindow : Runnable
{
    private static readonly string? ErrorScheme = SchemeManager.SchemesToSchemeName(Schemes.Error);

    private readonly TuiStartInfo _start;
    private readonly Label _status;
    private readonly Label _hint;
    private readonly CommandLine _commandLine;
    private StatusPoller? _poller;

    public ShellWindow(TuiStartInfo start)
    {
        _start = start;
        Title = "OctoLite";
        // Runnables copy their title to the terminal's window title and never put the old one back.
        Border.Settings &= ~BorderSettings.TerminalTitle;

        var server = new Label { Text = start.ServerDescription, X = 1, Y = 1 };
        var caption = new Label { Text = "Status:", X = 1, Y = 3 };
        _status = new Label { Text = "connecting...", X = Pos.Right(caption) + 1, Y = 3 };
        _hint = new Label { X = 1, Y = Pos.AnchorEnd(2), Width = Dim.Fill() };
        _commandLine = new CommandLine { X = 1, Y = Pos.AnchorEnd(2) };
        _commandLine.Submitted += RunTypedCommand;
        // Keys stay out of the shortcuts (Key.Empty): OnKeyDown handles them, the shortcuts only show the
        // hints and act on mouse clicks. A status bar lays a shortcut out end to start, so the help text
        // (the keys) comes first and the command text (the action) second.
        var statusBar = new StatusBar(ShellKeyMap.Bindings.Select(
            b => new Shortcut(Key.Empty, b.Label, () => Execute(b.Command), b.Hint)));

        var frame = new View { Title = "OctoLite", BorderStyle = LineStyle.Single, Width = Dim.Fill(), Height = Dim.Fill() };
        var content = new View { X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(1), CanFocus = true };
        content.Add(server, caption, _status, _hint, _commandLine, statusBar);
        Add(frame, content);
    }

    /// <summary>The status line as shown.</summary>
    public string StatusText => _status.Text;

    /// <summary>True while the status line shows an error (in the theme's error colours).</summary>
    public bool StatusIsError => _status.SchemeName == ErrorScheme;

    /// <summary>The feedback line under the status (e.g. an unknown typed command).</summary>
    public string HintText => _hint.Text;

    /// <summary>True while the ":" prompt is shown and takes the keys.</summary>
    public bool CommandLineIsOpen => _commandLine.IsOpen;

    /// <summary>Stops every running session, dialogs included, so <c>Run</c> returns. UI thread only.</summary>
    public void QuitAll()
    {
        foreach (var session in App?.SessionStack?.ToArray() ?? [])
        {
            if (session.Runnable is { } runnable)
                App!.RequestStop(runnable);
        }
    }

    public void Execute(ShellCommand command)
    {
        switch (command)
        {
            case ShellCommand.Quit:
                QuitAll();
                break;
            case ShellCommand.Help:
                ShowHelp();
                break;
            case ShellCommand.OpenCommandLine:
                _hint.Visible = false;
                _commandLine.Open();
                break;
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        // Reached only when the focused subview (e.g. the command line while typing) left the key alone.
        if (ShellKeyMap.Resolve(key) is { } command)
        {
            Execute(command);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        if (newIsRunning && App is { } app)
        {
            // Ctrl+C quits from anywhere, dialogs included; application-level KeyDown sees keys first.
            app.Keyboard.KeyDown += OnApplicationKeyDown;
            _poller = new StatusPoller(app, _start.StatusProvider, ShowStatus);
            _poller.Start();
        }
        else if (!newIsRunning)
        {
            _poller?.Dispose();
            _poller = null;
            if (App is { } stopping)
                stopping.Keyboard.KeyDown -= OnApplicationKeyDown;
        }
    }

    private void OnApplicationKeyDown(object? sender, Key key)
    {
        if (key == Key.C.WithCtrl)
        {
            QuitAll();
            key.Handled = true;
        }
    }

    private void ShowStatus(StatusReport report)
    {
        // Unchanged status: no redraw, so an idle shell writes nothing to the terminal.
        if (report.Text == _status.Text && report.IsError == StatusIsError)
            return;

        _status.Text = report.Text;
        _status.SchemeName = report.IsError ? ErrorScheme : null;
    }

    private void ShowHelp()
    {
        if (App is not { } app)
            return;

        using var dialog = new HelpDialog();
        app.Run(dialog);
    }

    private void RunTypedCommand(string text)
    {
        _hint.Visible = true;
        if (ShellCommandParser.TryParse(text, out var command))
        {
            _hint.Text = string.Empty;
            Execute(command);
        }
        else
        {
            _hint.Text = $"Unknown command ':{text.Trim()}' (try :q or :help)";
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _poller?.Dispose();
        base.Dispose(disposing);
    }
}
