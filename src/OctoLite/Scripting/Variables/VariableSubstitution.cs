namespace OctoLite.Scripting.Variables;

/// <summary>
/// Octopus-style <c>#{Name}</c> substitution, the subset OctoLite supports:
/// <list type="bullet">
/// <item><c>#{Name}</c> becomes the variable's value; the name is trimmed and compared ignoring case, and may
/// hold spaces, dots and brackets (<c>#{Octopus.Action[Step Name].Output.Foo}</c>).</item>
/// <item>A value that itself holds <c>#{…}</c> is substituted in turn, as Octopus does; a definition that refers
/// back to itself is left as-is and reported in <see cref="SubstitutionResult.UnsupportedExpressions"/>.</item>
/// <item><c>##{</c> is an escape for a literal <c>#{</c>: <c>##{Name}</c> gives <c>#{Name}</c>.</item>
/// <item>An unknown variable is left as-is and reported in <see cref="SubstitutionResult.UnknownVariables"/>.</item>
/// <item>Everything else between <c>#{</c> and its matching <c>}</c> (<c>#{if}</c>, <c>#{each}</c>, filters
/// such as <c>#{Name | ToUpper}</c>, <c>#{calc}</c>, nested <c>#{#{Inner}}</c>) is left as-is and reported in
/// <see cref="SubstitutionResult.UnsupportedExpressions"/>. A <c>#{</c> without a closing brace is plain text.</item>
/// </list>
/// </summary>
internal static class VariableSubstitution
{
    /// <summary>How deep values may refer to other values before a reference is left as-is.</summary>
    public const int MaxDepth = 32;

    /// <summary>Substitutes <paramref name="variables"/> into <paramref name="template"/>. Never throws on any template.</summary>
    public static SubstitutionResult Substitute(string template, ScriptVariableSet variables)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(variables);
        return new TemplateExpander(variables).Run(template);
    }
}
