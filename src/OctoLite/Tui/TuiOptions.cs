namespace OctoLite.Tui;

/// <summary>How the shell presents itself and what it lets the user do.</summary>
/// <param name="ReadOnly">
/// True with <c>--readonly</c>: every action that changes the server is hidden from the hints and refused
/// if its key is pressed anyway.
/// </param>
/// <param name="Color">False with <c>--no-color</c> or <c>NO_COLOR</c>: state is shown by symbols and text only.</param>
/// <param name="Unicode">False when the terminal's locale is not UTF-8: symbols fall back to ASCII.</param>
internal sealed record TuiOptions(bool ReadOnly = false, bool Color = true, bool Unicode = true)
{
    public static TuiOptions Default { get; } = new();

    /// <summary>
    /// The options a terminal asks for: <c>NO_COLOR</c> set to anything non-empty turns colour off
    /// (no-color.org), and a locale (<c>LC_ALL</c>, else <c>LC_CTYPE</c>, else <c>LANG</c>) not naming
    /// UTF-8 turns the symbols to ASCII. An unset locale is taken as the POSIX "C" locale, which is ASCII.
    /// </summary>
    public static TuiOptions FromEnvironment(Func<string, string?> environment, bool readOnly, bool noColor)
    {
        var locale = new[] { "LC_ALL", "LC_CTYPE", "LANG" }
            .Select(environment)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "C";
        var unicode = locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
            || locale.Contains("UTF8", StringComparison.OrdinalIgnoreCase);
        var color = !noColor && string.IsNullOrEmpty(environment("NO_COLOR"));
        return new TuiOptions(readOnly, color, unicode);
    }
}
