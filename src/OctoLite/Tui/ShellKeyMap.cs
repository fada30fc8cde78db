using Terminal.Gui.Input;

namespace OctoLite.Tui;

/// <summary>
/// The shell's own key bindings, on every screen: the single source for key handling, the status bar hints and
/// the help dialog, so the three cannot disagree. Each screen adds its own (<see cref="Screens.Screen.Keys"/>).
/// </summary>
internal static class ShellKeyMap
{
    public static IReadOnlyList<ShellBinding> Bindings { get; } =
    [
        new("q, Ctrl+C, :q", "q/Ctrl+C", "Quit", "Quit", ShellCommand.Quit),
        new("?", "?", "Help", "Show these keys", ShellCommand.Help),
        new(":", ":", "Command", "Command line: :pools, :workers, :tasks… (:help lists them), :q quits", ShellCommand.OpenCommandLine),
        new("/", "/", "Filter", "Filter the table (Esc clears)", ShellCommand.Filter),
        new("Esc", "Esc", "Back", "Back to the previous screen (or clear the filter)", ShellCommand.Back),
    ];

    /// <summary>The command bound to <paramref name="key"/>, or null when the key is not ours.</summary>
    /// <remarks>
    /// Printable keys are matched by the text they produce rather than by key code: '?' and ':' arrive as
    /// shifted keys on some keyboards and terminals (kitty protocol) and as plain characters on others.
    /// </remarks>
    public static ShellCommand? Resolve(Key key)
    {
        if (key == Key.C.WithCtrl)
            return ShellCommand.Quit;
        if (key == Key.Esc)
            return ShellCommand.Back;

        if (key.IsCtrl || key.IsAlt)
            return null;

        return key.AsRune.Value switch
        {
            'q' => ShellCommand.Quit,
            '?' => ShellCommand.Help,
            ':' => ShellCommand.OpenCommandLine,
            '/' => ShellCommand.Filter,
            _ => null,
        };
    }
}
