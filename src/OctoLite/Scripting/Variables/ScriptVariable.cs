namespace OctoLite.Scripting.Variables;

/// <summary>One variable as the step runner sees it: a name, a plain-text value and whether it is sensitive.</summary>
/// <param name="Name">The name, e.g. <c>Octopus.Action[Deploy web].Output.Port</c>; compared ignoring case.</param>
/// <param name="Value">The value, "" for none.</param>
/// <param name="IsSensitive">Whether the value must be masked in logs.</param>
internal sealed record ScriptVariable(string Name, string Value, bool IsSensitive)
{
    /// <summary>Leaves a sensitive value out.</summary>
    public override string ToString() => $"{Name} = {(IsSensitive ? "********" : Value)}";
}
