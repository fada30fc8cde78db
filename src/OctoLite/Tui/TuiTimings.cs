namespace OctoLite.Tui;

/// <summary>The TUI's timing knobs, in one place.</summary>
internal static class TuiTimings
{
    /// <summary>How often the status line asks the server again. Default 2 s.</summary>
    public static readonly TimeSpan StatusRefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one status request may take before it is shown as timed out. Default 10 s. A request
    /// still running when the next refresh is due is not doubled: the refresh is skipped.
    /// </summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(10);
}
