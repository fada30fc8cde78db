namespace OctoLite.Tui;

/// <summary>Parses what the user typed on the shell's command line (vi style: ":q", ":pools", ":task ServerTasks-4").</summary>
internal static class ShellCommandParser
{
    /// <summary>The shell commands; anything else may name a screen (<see cref="Screens.ScreenCatalog"/>).</summary>
    public static bool TryParse(string? text, out ShellCommand command)
    {
        command = default;
        var (word, argument) = Split(text);
        if (argument.Length > 0)
            return false;

        switch (word.ToLowerInvariant())
        {
            case "q":
            case "q!":
            case "quit":
            case "exit":
                command = ShellCommand.Quit;
                return true;
            case "h":
            case "help":
            case "?":
                command = ShellCommand.Help;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The first word (lower case) and the rest, trimmed, without a leading ':'.</summary>
    public static (string Word, string Argument) Split(string? text)
    {
        var line = (text ?? string.Empty).Trim();
        if (line.StartsWith(':'))
            line = line[1..].TrimStart();

        var space = line.IndexOf(' ');
        return space < 0 ? (line.ToLowerInvariant(), "") : (line[..space].ToLowerInvariant(), line[(space + 1)..].Trim());
    }
}
