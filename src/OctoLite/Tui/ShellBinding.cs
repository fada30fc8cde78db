namespace OctoLite.Tui;

/// <summary>One row of the key map, as shown in the status bar and the help dialog.</summary>
/// <param name="Keys">The keys as the help dialog lists them, e.g. "q, Esc, Ctrl+C".</param>
/// <param name="Hint">The keys in the status bar, e.g. "q/Ctrl+C".</param>
/// <param name="Label">The action in the status bar, e.g. "Quit".</param>
/// <param name="Description">The action in the help dialog.</param>
/// <param name="Command">The command the keys run.</param>
internal sealed record ShellBinding(string Keys, string Hint, string Label, string Description, ShellCommand Command);
