namespace OctoLite.Scripting.Bootstrap;

/// <summary>Quoting for POSIX shell source.</summary>
internal static class ShellQuote
{
    /// <summary>
    /// <paramref name="text"/> as one single-quoted shell word: nothing inside single quotes is special, and
    /// each single quote is written as <c>'\''</c> (close, escaped quote, reopen).
    /// </summary>
    public static string Single(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
