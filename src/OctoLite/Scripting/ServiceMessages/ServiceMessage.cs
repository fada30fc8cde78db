namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// One <c>##octopus[…]</c> message: its name and its attributes, already base64-decoded. Attribute keys are
/// case-insensitive. Read known messages through their typed views (<see cref="SetVariableMessage.TryFrom"/>
/// and friends); parse lines with <see cref="ServiceMessageParser"/>, write them with <see cref="ServiceMessageWriter"/>.
/// </summary>
/// <remarks>
/// Equality compares the name ordinally and the attributes by key (ignoring case) and value (ordinally).
/// <see cref="ToString"/> leaves the values out, because they may be secrets.
/// </remarks>
internal sealed record ServiceMessage
{
    /// <summary>A message with the given attributes (a later duplicate key, ignoring case, wins).</summary>
    public ServiceMessage(string name, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in attributes ?? [])
            copy[key] = value ?? "";
        Attributes = copy;
    }

    /// <summary>The message name, e.g. <c>setVariable</c> (see <see cref="ServiceMessageNames"/>).</summary>
    public string Name { get; }

    /// <summary>Decoded attribute values by attribute name (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The decoded value of an attribute, or null when the message does not have it.</summary>
    public string? GetAttribute(string attribute) => Attributes.GetValueOrDefault(attribute);

    /// <inheritdoc />
    public bool Equals(ServiceMessage? other)
    {
        if (other is null || !string.Equals(Name, other.Name, StringComparison.Ordinal) || Attributes.Count != other.Attributes.Count)
            return false;
        foreach (var (key, value) in Attributes)
        {
            if (!other.Attributes.TryGetValue(key, out var otherValue) || !string.Equals(value, otherValue, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Attributes.Count);

    /// <summary>The name and the attribute names, never the values.</summary>
    public override string ToString() => $"{Name}[{string.Join(", ", Attributes.Keys)}]";
}
