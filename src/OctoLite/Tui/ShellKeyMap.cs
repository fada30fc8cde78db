using Terminal.Gui.Input;

namespace OctoLite.Tui;

/// <summary>
/// The shell's key bindings: the single source for key handling, the status bar hints and the help
/// dialog, so the three cannot disagree.
/// </summary>
internal static class ShellKeyMap
{
    public static IReadOnlyList<ShellBinding> Bindings { get; } =
    [
        new("q, Esc, Ctrl+C", "q/Ctrl+C", "Quit", "Quit", ShellCommand.Quit),
        new("?", "?", "Help", "Show these keys", ShellCommand.Help),
        new(":", ":", "Command", "Command line: :q quits, :help shows these keys", ShellCommand.OpenCommandLine),
    ];

    /// <summary>The command bound to <paramref name="key"/>, or null when the key is not ours.</summary>
    /// <remarks>
    /// Printable keys are matched by the text they produce rather than by key code: '?' and ':' arrive as
    /// shifted keys on some keyboards and terminals (kitty protocol) and as plain characters on others.
    /// </remarks>
    public static ShellCommand? Resolve(Key key)
    {
        if (key == Key.Esc || key == Key.C.WithCtrl)
            return ShellCommand.Quit;

        if (key.IsCtrl || key.IsAlt)
            return null;

        return key.AsRune.Value switch
        {
            'q' => ShellCommand.Quit,
            '?' => ShellCommand.Help,
            ':' => ShellCommand.OpenCommandLine,
            _ => null,
        };
    }
}
