namespace OctoLite.Tui;

/// <summary>Parses what the user typed on the shell's command line (vi style: ":q").</summary>
internal static class ShellCommandParser
{
    public static bool TryParse(string? text, out ShellCommand command)
    {
        command = default;
        var word = (text ?? string.Empty).Trim();
        if (word.StartsWith(':'))
            word = word[1..].TrimStart();

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
}
