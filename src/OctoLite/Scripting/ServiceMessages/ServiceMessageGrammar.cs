namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// The lexical rules shared by <see cref="ServiceMessageParser"/> and <see cref="ServiceMessageWriter"/>, so
/// that everything the writer produces the parser accepts.
/// </summary>
/// <remarks>
/// A line is <c>##octopus[name attr='base64' attr="base64" …]</c>. Names (of the message and of its
/// attributes) are ASCII: a letter or '_' first, then letters, digits, '_', '-', '.' or ':'. This is the ASCII
/// subset of the XML names Calamari's parser accepts, which covers every message Octopus defines.
/// </remarks>
internal static class ServiceMessageGrammar
{
    /// <summary>What a service message line starts with, after optional leading whitespace.</summary>
    public const string Prefix = "##octopus[";

    /// <summary>The length of the name at the start of <paramref name="text"/>; 0 when it does not start with one.</summary>
    public static int NameLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !IsNameStart(text[0]))
            return 0;
        var length = 1;
        while (length < text.Length && IsNameChar(text[length]))
            length++;
        return length;
    }

    /// <summary>Whether the whole of <paramref name="name"/> is a valid message or attribute name.</summary>
    public static bool IsName(string? name) => !string.IsNullOrEmpty(name) && NameLength(name) == name.Length;

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':';
}
