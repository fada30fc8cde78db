using OctoLite.Tui.Data;

namespace OctoLite.Tui;

/// <summary>What the TUI shell needs from its caller.</summary>
/// <param name="ServerDescription">
/// The line saying which server the shell is attached to, shown as given, e.g.
/// "Attached to http://127.0.0.1:8080".
/// </param>
/// <param name="StatusProvider">
/// Asked for a one-line status every <see cref="TuiTimings.StatusRefreshInterval"/>, on a thread-pool
/// thread, never on the UI thread. It may throw (server gone): the message is shown as an error.
/// </param>
/// <param name="Api">The server the screens read and act on; null shows the status line alone.</param>
/// <param name="Options">Readonly, colour and symbol choices; null for the defaults.</param>
/// <param name="FirstScreen">The screen shown first, by its <c>:</c> name (default: the dashboard).</param>
internal sealed record TuiStartInfo(
    string ServerDescription,
    Func<CancellationToken, Task<string>> StatusProvider,
    TuiApi? Api = null,
    TuiOptions? Options = null,
    string? FirstScreen = null);
