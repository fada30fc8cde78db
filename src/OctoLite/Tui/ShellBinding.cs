namespace OctoLite.Tui;

/// <summary>One row of the key map, as shown in the status bar and the help dialog.</summary>
/// <param name="Keys">The keys as the user reads them, e.g. "q, Esc, Ctrl+C".</param>
/// <param name="Hint">The short form for the status bar, e.g. "q/Ctrl+C".</param>
/// <param name="Description">What the keys do.</param>
/// <param name="Command">The command they run.</param>
internal sealed record ShellBinding(string Keys, string Hint, string Description, ShellCommand Command);
