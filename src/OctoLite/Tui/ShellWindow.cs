using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>
/// The shell: inside a frame titled with the screen shown, the line naming the server it is attached to, the live
/// status line, the current screen, a feedback line that doubles as the ":" command line and the "/" filter, and a
/// status bar with the keys of the screen shown.
/// </summary>
/// <remarks>
/// The frame is a sibling drawn under the content, not this runnable's own border. Terminal.Gui 2.5.0
/// redraws a view's border whenever any of its subviews redraws, and re-sends every cell it draws,
/// so a bordered window would put its whole frame on the wire (~1.3 KB) for each status change; this
/// way a change costs the changed line (~50 bytes).
/// Screens form a stack: Enter on a row opens the next one on top, Esc goes back; a ":" command replaces the stack.
/// </remarks>
internal sealed class ShellWindow : Runnable, IShell
{
    private static readonly string? ErrorScheme = SchemeManager.SchemesToSchemeName(Schemes.Error);

    private readonly TuiStartInfo _start;
    private readonly TuiOptions _options;
    private readonly View _frame;
    private readonly Label _serverLine;
    private readonly Label _status;
    private readonly Label _hint;
    private readonly CommandLine _commandLine;
    private readonly CommandLine _filterLine;
    private readonly View _host;
    private readonly HintBar _hintBar;
    private readonly List<Screen> _stack = [];
    private readonly ScreenContext? _context;
    private readonly CancellationTokenSource _quitting = new();
    private StatusPoller? _poller;
    private ScreenRefresher? _refresher;

    public ShellWindow(TuiStartInfo start)
    {
        _start = start;
        _options = start.Options ?? TuiOptions.Default;
        Title = "OctoLite";
        // Runnables copy their title to the terminal's window title and never put the old one back.
        Border.Settings &= ~BorderSettings.TerminalTitle;

        var server = new Label { Text = start.ServerDescription, X = 0, Y = 0 };
        var caption = new Label { Text = "Status:", X = 0, Y = 1 };
        _status = new Label { Text = "connecting...", X = Pos.Right(caption) + 1, Y = 1 };
        _host = new View { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(3), CanFocus = true };
        _hint = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
        _commandLine = new CommandLine(":") { X = 0, Y = Pos.AnchorEnd(3) };
        _commandLine.Submitted += RunTypedCommand;
        _filterLine = new CommandLine("/") { X = 0, Y = Pos.AnchorEnd(3) };
        _filterLine.Changed += text => CurrentScreen?.ApplyFilter(text);
        _filterLine.Submitted += text => CurrentScreen?.ApplyFilter(text);
        _filterLine.Cancelled += () => CurrentScreen?.ApplyFilter("");
        _hintBar = new HintBar { X = 0, Y = Pos.AnchorEnd(2) };

        // A terminal that is not UTF-8 gets no box-drawing characters: no frame, and the screen's name on the server line.
        _frame = new View { Title = "OctoLite", BorderStyle = _options.Unicode ? LineStyle.Single : LineStyle.None, Width = Dim.Fill(), Height = Dim.Fill() };
        _serverLine = server;
        var content = new View { X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(1), CanFocus = true };
        content.Add(server, caption, _status, _host, _hint, _commandLine, _filterLine, _hintBar);
        Add(_frame, content);

        if (start.Api is { } api)
            _context = new ScreenContext(api, this, _options);
        ShowHints();
    }

    /// <summary>The status line as shown.</summary>
    public string StatusText => _status.Text;

    /// <summary>True while the status line shows an error (in the theme's error colours).</summary>
    public bool StatusIsError => _status.SchemeName == ErrorScheme;

    /// <summary>The feedback line under the screen (results, errors, an unknown typed command).</summary>
    public string HintText => _hint.Text;

    /// <summary>True while the feedback line shows an error.</summary>
    public bool HintIsError => _hint.SchemeName == ErrorScheme;

    /// <summary>True while the ":" prompt is shown and takes the keys.</summary>
    public bool CommandLineIsOpen => _commandLine.IsOpen;

    /// <summary>True while the "/" prompt is shown and takes the keys.</summary>
    public bool FilterLineIsOpen => _filterLine.IsOpen;

    /// <summary>The screen shown, or null before the first one (or with no server API).</summary>
    public Screen? CurrentScreen => _stack.Count > 0 ? _stack[^1] : null;

    /// <summary>How many screens are open (Esc goes back while there is more than one).</summary>
    public int Depth => _stack.Count;

    /// <summary>The hints at the foot, as "keys label".</summary>
    public IReadOnlyList<string> Hints => _hintBar.Hints;

    /// <summary>Stops every running session, dialogs included, so <c>Run</c> returns. UI thread only.</summary>
    public void QuitAll()
    {
        _quitting.Cancel();
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
            case ShellCommand.Filter:
                if (CurrentScreen is { CanFilter: true } screen)
                {
                    _hint.Visible = false;
                    _filterLine.Open(screen.Filter);
                }

                break;
            case ShellCommand.Back:
                if (CurrentScreen is { } current && current.HandleEscape())
                    break;
                if (CurrentScreen is { Filter.Length: > 0 } filtered)
                {
                    filtered.ApplyFilter("");
                    Say("");
                }
                else
                {
                    Back();
                }

                break;
        }
    }

    // IShell

    public void Open(Screen screen)
    {
        if (CurrentScreen is { } previous)
        {
            previous.OnHidden();
            previous.Visible = false;
        }

        _stack.Add(screen);
        _host.Add(screen);
        Shown(screen);
    }

    public bool Open(string name, string argument)
    {
        if (_context is null || ScreenCatalog.Find(name) is not { } entry)
            return false;

        Open(entry.Create(_context, argument));
        return true;
    }

    public bool Go(string name, string argument = "")
    {
        if (_context is null || ScreenCatalog.Find(name) is not { } entry)
            return false;

        var screen = entry.Create(_context, argument);
        CurrentScreen?.OnHidden();
        foreach (var old in _stack)
        {
            _host.Remove(old);
            old.Dispose();
        }

        _stack.Clear();
        Open(screen);
        return true;
    }

    public void Back()
    {
        if (_stack.Count < 2)
            return;

        var top = _stack[^1];
        top.OnHidden();
        _stack.RemoveAt(_stack.Count - 1);
        _host.Remove(top);
        top.Dispose();
        var previous = _stack[^1];
        previous.Visible = true;
        Shown(previous);
    }

    public void Say(string message, bool error = false)
    {
        _hint.Visible = !_commandLine.IsOpen && !_filterLine.IsOpen;
        if (_hint.Text == message && HintIsError == error)
            return;
        _hint.Text = message;
        _hint.SchemeName = error ? ErrorScheme : null;
    }

    public bool Confirm(string title, string question)
    {
        if (App is not { } app)
            return false;

        using var dialog = new ConfirmDialog(title, question);
        app.Run(dialog);
        return dialog.Agreed;
    }

    public void Run(string doing, Func<CancellationToken, Task<string>> work, Action? then = null)
    {
        if (App is not { } app)
            return;

        Say(doing + "...");
        var startedOn = CurrentScreen;
        var quitting = _quitting.Token;
        _ = Task.Run(async () =>
        {
            string message;
            var failed = false;
            try
            {
                message = await work(quitting).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (quitting.IsCancellationRequested)
            {
                // Quit while the call was in flight: nobody is left to tell.
                return;
            }
            catch (Exception e)
            {
                // The server's explanation (or the client's, e.g. unreachable) is the message; never a stack trace.
                (message, failed) = (e.Message, true);
            }

            try
            {
                app.Invoke(() =>
                {
                    if (quitting.IsCancellationRequested)
                        return;
                    Say(message, failed);
                    RefreshNow();
                    // What follows a success (e.g. opening the new task) belongs to the screen that asked: if the
                    // user has moved on, the result line is enough.
                    if (!failed && then is not null && ReferenceEquals(CurrentScreen, startedOn))
                        RunGuarded(then);
                });
            }
            catch (NotInitializedException)
            {
                // Quit while the call was in flight: nobody is left to tell.
            }
        });
    }

    public void RefreshNow() => _refresher?.Refresh();

    private void Shown(Screen screen)
    {
        _frame.Title = $"OctoLite - {screen.Caption}";
        if (!_options.Unicode)
        {
            _serverLine.Text = $"[{screen.Caption}] {_start.ServerDescription}";
            foreach (var table in Descendants(screen).OfType<TableView>())
                table.Style.ShowHorizontalHeaderUnderline = false;
        }

        if (_filterLine.IsOpen)
            _filterLine.Close();
        ShowHints();
        screen.SetFocus();
        screen.OnShown();
        // The screen below may still be loading: drop that and load this one now.
        _refresher?.Restart();
    }

    private void ShowHints()
    {
        var screen = CurrentScreen;
        var hints = new List<(string Keys, string Label)>();
        hints.AddRange((screen?.AllowedKeys ?? []).Select(k => (k.Keys, k.Label)));
        foreach (var binding in ShellKeyMap.Bindings)
        {
            if (binding.Command == ShellCommand.Filter && screen is not { CanFilter: true })
                continue;
            if (binding.Command == ShellCommand.Back && _stack.Count < 2)
                continue;
            hints.Add((binding.Hint, binding.Command == ShellCommand.Filter && screen is not null ? screen.FilterLabel : binding.Label));
        }

        _hintBar.SetHints(hints);
    }

    protected override bool OnKeyDown(Key key)
    {
        // Reached only when the focused subview (a table, the command line while typing) left the key alone.
        return TryHandle(key) || base.OnKeyDown(key);
    }

    /// <summary>Runs the current screen's key, else the shell's; false when the key is neither's.</summary>
    private bool TryHandle(Key key)
    {
        if (CurrentScreen is { } screen)
        {
            if (screen.AllowedKeys.FirstOrDefault(k => k.Matches(key)) is { } allowed)
            {
                RunGuarded(allowed.Run);
                return true;
            }

            if (screen.Keys.FirstOrDefault(k => k.Matches(key)) is { } refused)
            {
                Say($"Read-only: '{refused.Description}' is not available (started with --readonly).", error: true);
                return true;
            }
        }

        if (ShellKeyMap.Resolve(key) is { } command)
        {
            Execute(command);
            return true;
        }

        return false;
    }

    /// <summary>Runs a screen's action; whatever it throws is shown on the message line instead of ending the UI.</summary>
    private void RunGuarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            Say(e.Message, error: true);
        }
    }

    /// <summary>
    /// The last line of defence, given to <c>Run</c>: an exception nothing else caught (a widget's event, a timer, a
    /// dialog) is shown on the message line and the UI goes on. Only a fault that repeats at once (more than 20 in a
    /// second, e.g. one thrown while drawing) ends it, and then <see cref="Fault"/> says why.
    /// </summary>
    public bool OnUnhandled(Exception e)
    {
        var now = Environment.TickCount64;
        if (now - _faultWindowStart > 1000)
            (_faultWindowStart, _faultsInWindow) = (now, 0);
        if (++_faultsInWindow > 20)
        {
            Fault = e;
            return false;
        }

        Say($"Error: {e.Message}", error: true);
        return true;
    }

    /// <summary>The fault that ended the UI, if one did.</summary>
    public Exception? Fault { get; private set; }

    private long _faultWindowStart;
    private int _faultsInWindow;

    /// <summary>
    /// True for a printable key typed while this window (not a dialog) is on top and no text field has the focus:
    /// such a key is a command (n, d, /, :, ?, q), whatever widget has the focus. Tables would otherwise keep some
    /// printable keys to themselves (an empty table swallows them all).
    /// </summary>
    private bool IsCommandKey(Key key)
    {
        if (key.IsCtrl || key.IsAlt || key.AsRune.Value < 32 || key.AsRune.Value == 127)
            return false;
        if (App?.TopRunnable != this || _commandLine.IsOpen || _filterLine.IsOpen)
            return false;

        View? focused = this;
        while (focused?.Focused is { } next)
            focused = next;
        return focused is not TextField;
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
            if (_context is not null)
            {
                _refresher = new ScreenRefresher(app, () => CurrentScreen, OnScreenLoaded);
                if (CurrentScreen is null && !Go(_start.FirstScreen ?? ScreenCatalog.Entries[0].Name))
                    Go(ScreenCatalog.Entries[0].Name);
                _refresher.Start();
            }
        }
        else if (!newIsRunning)
        {
            _poller?.Dispose();
            _poller = null;
            _refresher?.Dispose();
            _refresher = null;
            if (App is { } stopping)
                stopping.Keyboard.KeyDown -= OnApplicationKeyDown;
        }
    }

    private void OnScreenLoaded(Screen screen, Exception? failure)
    {
        // A screen may name itself better once loaded (":task 12" becomes "Task ServerTasks-12").
        var title = $"OctoLite - {screen.Caption}";
        if (_frame.Title != title)
        {
            _frame.Title = title;
            if (!_options.Unicode)
                _serverLine.Text = $"[{screen.Caption}] {_start.ServerDescription}";
        }

        if (failure is not null)
            Say($"Could not load {screen.Caption}: {failure.Message}", error: true);
        else if (HintIsError && _hint.Text.StartsWith("Could not load", StringComparison.Ordinal))
            Say("");
    }

    private void OnApplicationKeyDown(object? sender, Key key)
    {
        if (key == Key.C.WithCtrl)
        {
            QuitAll();
            key.Handled = true;
        }
        else if (IsCommandKey(key) && TryHandle(key))
        {
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

        using var dialog = new HelpDialog(CurrentScreen, _options.ReadOnly);
        app.Run(dialog);
    }

    private void RunTypedCommand(string text)
    {
        _hint.Visible = true;
        if (ShellCommandParser.TryParse(text, out var command))
        {
            Say("");
            Execute(command);
            return;
        }

        var (word, argument) = ShellCommandParser.Split(text);
        if (word.Length > 0 && Go(word, argument))
        {
            Say("");
            return;
        }

        Say($"Unknown command ':{text.Trim()}' (try :q or :help)", error: true);
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _quitting.Cancel();
            _poller?.Dispose();
            _refresher?.Dispose();
        }

        base.Dispose(disposing);
    }
}
