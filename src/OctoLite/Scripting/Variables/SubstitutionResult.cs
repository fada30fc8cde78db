namespace OctoLite.Scripting.Variables;

/// <summary>What <see cref="VariableSubstitution.Substitute"/> produced.</summary>
/// <param name="Text">The template with every known <c>#{Name}</c> replaced and every <c>##{</c> turned into <c>#{</c>.</param>
/// <param name="UnknownVariables">Names referenced but not defined (left as-is in <paramref name="Text"/>), distinct ignoring case, in order of first use.</param>
/// <param name="SensitiveVariables">
/// The sensitive variables whose values went into <paramref name="Text"/>, with the value as substituted;
/// register each <see cref="ScriptVariable.Value"/> with the masker.
/// </param>
/// <param name="UnsupportedExpressions">
/// <c>#{…}</c> expressions left as-is because OctoLite does not evaluate them: conditionals, loops, filters,
/// <c>calc</c>, nested references, empty ones and recursive definitions. Worth a warning in the task log.
/// </param>
internal sealed record SubstitutionResult(
    string Text,
    IReadOnlyList<string> UnknownVariables,
    IReadOnlyList<ScriptVariable> SensitiveVariables,
    IReadOnlyList<string> UnsupportedExpressions)
{
    /// <summary>The values to register with the masker (<see cref="SensitiveVariables"/>' values).</summary>
    public IEnumerable<string> SensitiveValues => SensitiveVariables.Select(v => v.Value);
}
