namespace OctoLite.Tui;

/// <summary>What a key or a typed command asks the shell to do.</summary>
internal enum ShellCommand
{
    Quit,
    Help,
    OpenCommandLine,
    Filter,
    Back,
}
