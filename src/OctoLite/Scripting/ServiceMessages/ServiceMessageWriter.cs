namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// Formats service message lines, the inverse of <see cref="ServiceMessageParser"/>: what it writes parses
/// back to an equal <see cref="ServiceMessage"/>. Values are written as single-quoted base64 of UTF-8.
/// </summary>
internal static class ServiceMessageWriter
{
    /// <summary>
    /// <c>##octopus[name key='base64' …]</c>, attributes in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A name or attribute name outside <see cref="ServiceMessageGrammar"/>, or an attribute named twice (ignoring case).
    /// </exception>
    public static string Format(string name, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        if (!ServiceMessageGrammar.IsName(name))
            throw new ArgumentException($"'{name}' is not a valid service message name", nameof(name));

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var line = new System.Text.StringBuilder(ServiceMessageGrammar.Prefix).Append(name);
        foreach (var (key, value) in attributes)
        {
            if (!ServiceMessageGrammar.IsName(key))
                throw new ArgumentException($"'{key}' is not a valid attribute name", nameof(attributes));
            if (!seen.Add(key))
                throw new ArgumentException($"attribute '{key}' appears more than once", nameof(attributes));
            line.Append(' ').Append(key).Append("='").Append(ServiceMessageValue.Encode(value ?? "")).Append('\'');
        }
        return line.Append(']').ToString();
    }

    /// <summary><c>##octopus[name key='base64' …]</c> from (key, value) pairs; see <see cref="Format(string, IEnumerable{KeyValuePair{string, string}})"/>.</summary>
    public static string Format(string name, params (string Key, string Value)[] attributes) =>
        Format(name, attributes.Select(a => KeyValuePair.Create(a.Key, a.Value)));

    /// <summary>The line for an existing message (e.g. one built by a typed view's <c>ToServiceMessage()</c>).</summary>
    public static string Format(ServiceMessage message) => Format(message.Name, message.Attributes);
}
