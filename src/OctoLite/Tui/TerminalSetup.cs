using Terminal.Gui.Drivers;

namespace OctoLite.Tui;

/// <summary>Process-wide Terminal.Gui settings the shell pins before <c>Init</c>.</summary>
internal static class TerminalSetup
{
    /// <summary>
    /// Makes the ANSI driver learn the terminal size from the kernel (<c>ioctl(TIOCGWINSZ)</c>), never by
    /// asking the terminal with <c>CSI 18t</c>. The query mode re-sends that request about twice a second
    /// for as long as the app runs, idle or not: constant traffic over SSH (Terminal.Gui issue #5617).
    /// The ioctl costs nothing on the wire and still follows resizes, because sshd resizes the pty.
    /// </summary>
    /// <remarks>
    /// Terminal.Gui 2.5.0 already defaults to polling, but its configuration (a user's <c>~/.tui</c> files
    /// or the <c>TUI_CONFIG</c> variable, applied when the assembly loads) can switch it back; setting it
    /// here wins because the driver reads it when <c>Init</c> creates the size monitor.
    /// </remarks>
    public static void Apply()
    {
        Driver.SizeDetection = SizeDetectionMode.Polling;
    }
}
