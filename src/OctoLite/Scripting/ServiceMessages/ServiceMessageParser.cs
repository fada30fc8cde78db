using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// Recognises <c>##octopus[name attr='base64' …]</c> lines in a script's output. Never throws.
/// </summary>
/// <remarks>
/// <para>A line is a service message only when, after leading whitespace, it starts with <c>##octopus[</c>.
/// Calamari also finds messages in the middle of a line; OctoLite does not, so that a shell trace
/// (<c>+ echo '##octopus[…]'</c>) or a log that quotes a message is not acted on twice.</para>
/// <para>Inside the brackets: the message name, then attributes separated by whitespace, each
/// <c>key='base64'</c> or <c>key="base64"</c> (whitespace around '=' allowed), then ']' and nothing but
/// whitespace. Values must be base64 of UTF-8 text; an empty value decodes to "".</para>
/// </remarks>
internal static class ServiceMessageParser
{
    /// <summary>
    /// Parses one line of output. Three outcomes:
    /// <list type="bullet">
    /// <item>true: a well-formed message, in <paramref name="message"/>;</item>
    /// <item>false with <paramref name="error"/> null: not a service message, log the line as plain output;</item>
    /// <item>false with <paramref name="error"/> set: a malformed service message; log the line as plain output
    /// and the error as a verbose note. The error never contains attribute values.</item>
    /// </list>
    /// </summary>
    public static bool TryParse(string? line, [NotNullWhen(true)] out ServiceMessage? message, out string? error)
    {
        message = null;
        error = null;
        if (line is null)
            return false;
        var text = line.AsSpan().Trim();
        if (!text.StartsWith(ServiceMessageGrammar.Prefix, StringComparison.Ordinal))
            return false;
        error = Parse(text[ServiceMessageGrammar.Prefix.Length..], out message);
        return error is null;
    }

    private static string? Parse(ReadOnlySpan<char> body, out ServiceMessage? message)
    {
        message = null;
        var position = SkipWhitespace(body, 0);
        var nameLength = ServiceMessageGrammar.NameLength(body[position..]);
        if (nameLength == 0)
        {
            return position < body.Length && body[position] != ']'
                ? $"service message name cannot start with {Describe(body[position])}"
                : "service message has no name";
        }
        var name = body.Slice(position, nameLength).ToString();
        position += nameLength;

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var next = SkipWhitespace(body, position);
            if (next == body.Length)
                return $"{name}: the closing ']' is missing";
            if (body[next] == ']')
            {
                position = next + 1;
                break;
            }
            if (next == position)
                return $"{name}: expected whitespace or ']' but found {Describe(body[next])}";
            position = next;
            var attributeError = ReadAttribute(body, ref position, name, attributes);
            if (attributeError is not null)
                return attributeError;
        }

        if (position != body.Length)
            return $"{name}: unexpected text after the closing ']'";
        message = new ServiceMessage(name, attributes);
        return null;
    }

    private static string? ReadAttribute(ReadOnlySpan<char> body, ref int position, string name, Dictionary<string, string> attributes)
    {
        var keyLength = ServiceMessageGrammar.NameLength(body[position..]);
        if (keyLength == 0)
            return $"{name}: expected an attribute name but found {Describe(body[position])}";
        var key = body.Slice(position, keyLength).ToString();
        position = SkipWhitespace(body, position + keyLength);
        if (position == body.Length || body[position] != '=')
            return $"{name}: attribute '{key}' has no value (expected {key}='<base64>')";
        position = SkipWhitespace(body, position + 1);
        if (position == body.Length || body[position] is not ('\'' or '"'))
            return $"{name}: the value of attribute '{key}' must be in single or double quotes";

        var quote = body[position];
        var length = body[(position + 1)..].IndexOf(quote);
        if (length < 0)
            return $"{name}: the quoted value of attribute '{key}' is not terminated";
        var raw = body.Slice(position + 1, length);
        position += length + 2;

        if (!ServiceMessageValue.TryDecode(raw, out var value))
            return $"{name}: the value of attribute '{key}' is not base64 of UTF-8 text";
        if (!attributes.TryAdd(key, value))
            return $"{name}: attribute '{key}' appears more than once";
        return null;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
        return position;
    }

    // Errors end up in the task log: show control and other invisible characters as code points.
    private static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
