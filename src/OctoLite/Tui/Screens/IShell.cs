namespace OctoLite.Tui.Screens;

/// <summary>What a screen may ask of the shell around it. UI thread only.</summary>
internal interface IShell
{
    /// <summary>Shows <paramref name="screen"/> on top; Esc comes back to the current one.</summary>
    void Open(Screen screen);

    /// <summary>
    /// Shows the screen named by a <c>:</c> command (e.g. "pools", or "task" with the argument "ServerTasks-3"), replacing
    /// the stack. False when there is no such screen.
    /// </summary>
    bool Go(string name, string argument = "");

    /// <summary>Shows the named screen on top of the current one (Esc comes back). False when there is no such screen.</summary>
    bool Open(string name, string argument);

    /// <summary>Goes back to the previous screen, if any.</summary>
    void Back();

    /// <summary>Shows a line of feedback under the screen; errors in the error colours.</summary>
    void Say(string message, bool error = false);

    /// <summary>Asks a yes/no question in a dialog; true for yes.</summary>
    bool Confirm(string title, string question);

    /// <summary>
    /// Runs <paramref name="work"/> (a call to the server) off the UI thread, then shows its result line, or the server's
    /// error, and refreshes the screen. <paramref name="then"/>, if given, runs on the UI thread after a success.
    /// </summary>
    void Run(string doing, Func<CancellationToken, Task<string>> work, Action? then = null);

    /// <summary>Asks the current screen to load again now, instead of at the next tick.</summary>
    void RefreshNow();
}
