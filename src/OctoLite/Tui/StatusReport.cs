namespace OctoLite.Tui;

/// <summary>One result of the status provider: its text, or the error that replaced it.</summary>
internal readonly record struct StatusReport(string Text, bool IsError)
{
    public static StatusReport Ok(string text) => new(text, false);

    public static StatusReport Failed(string message) => new($"Error: {message}", true);
}
