using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// <c>##octopus[setVariable name='…' value='…' sensitive='…']</c>: the script sets an output variable
/// (<c>set_octopusvariable</c>). A missing value means "" (the bash helper leaves it out when empty).
/// </summary>
/// <param name="Name">The variable name, never blank.</param>
/// <param name="Value">The value, possibly "".</param>
/// <param name="IsSensitive">Whether the value must be masked and stored as a secret.</param>
internal sealed record SetVariableMessage(string Name, string Value, bool IsSensitive)
{
    /// <summary>Reads a parsed message; false with a reason such as "setVariable needs a name".</summary>
    /// <remarks>
    /// <c>sensitive</c> fails safe: absent, "" or "False" (any case) mean not sensitive; helpers write "True";
    /// any other text is taken as sensitive, because wrongly masking a value costs less than leaking one.
    /// </remarks>
    public static bool TryFrom(ServiceMessage message, [NotNullWhen(true)] out SetVariableMessage? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = TypedMessage.CheckName(message, ServiceMessageNames.SetVariable);
        if (error is not null)
            return false;

        var name = message.GetAttribute("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            error = "setVariable needs a name";
            return false;
        }
        var sensitive = message.GetAttribute("sensitive");
        var isSensitive = !string.IsNullOrWhiteSpace(sensitive) && !sensitive.Trim().Equals("False", StringComparison.OrdinalIgnoreCase);
        result = new SetVariableMessage(name, message.GetAttribute("value") ?? "", isSensitive);
        return true;
    }

    /// <summary>The message a script would write for this variable.</summary>
    public ServiceMessage ToServiceMessage()
    {
        var attributes = new List<KeyValuePair<string, string>> { new("name", Name), new("value", Value) };
        if (IsSensitive)
            attributes.Add(new("sensitive", "True"));
        return new ServiceMessage(ServiceMessageNames.SetVariable, attributes);
    }

    /// <summary>Leaves a sensitive value out.</summary>
    public override string ToString() => $"setVariable {Name} = {(IsSensitive ? "********" : Value)}";
}
