using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.Variables;

/// <summary>
/// The variables of one step run (project, environment, system <c>Octopus.*</c> and output variables), looked
/// up by name ignoring case like Octopus. Setting a name again replaces its value and sensitivity: add sources
/// from the least to the most specific. Names are trimmed. Not thread-safe: build it, then read it.
/// </summary>
/// <remarks>
/// Not to be confused with <c>OctoLite.Domain.VariableSet</c>, the stored project variables (sensitive values
/// encrypted); this one holds plain values for a run.
/// </remarks>
internal sealed class ScriptVariableSet : IEnumerable<ScriptVariable>
{
    private readonly Dictionary<string, ScriptVariable> _variables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty set.</summary>
    public ScriptVariableSet()
    {
    }

    /// <summary>A set holding <paramref name="variables"/>, later ones overriding earlier ones of the same name.</summary>
    public ScriptVariableSet(IEnumerable<ScriptVariable> variables)
    {
        foreach (var variable in variables)
            Set(variable);
    }

    /// <summary>How many distinct names the set holds.</summary>
    public int Count => _variables.Count;

    /// <summary>Sets <paramref name="name"/>, replacing any variable of that name (ignoring case). Null means "".</summary>
    /// <exception cref="ArgumentException">The name is null, empty or whitespace.</exception>
    public void Set(string name, string? value, bool isSensitive = false) => Set(new ScriptVariable(name, value ?? "", isSensitive));

    /// <summary>Sets <paramref name="variable"/>, replacing any variable of the same name (ignoring case).</summary>
    /// <exception cref="ArgumentException">The name is null, empty or whitespace.</exception>
    public void Set(ScriptVariable variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable.Name, nameof(variable));
        var name = variable.Name.Trim();
        _variables[name] = variable with { Name = name, Value = variable.Value ?? "" };
    }

    /// <summary>Looks up a variable by name, ignoring case and surrounding whitespace.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ScriptVariable? variable) =>
        _variables.TryGetValue(name.Trim(), out variable);

    /// <summary>The value of <paramref name="name"/>, or null when the set has no such variable.</summary>
    public string? GetValue(string name) => TryGet(name, out var variable) ? variable.Value : null;

    /// <summary>Whether the set has a variable of that name.</summary>
    public bool Contains(string name) => _variables.ContainsKey(name.Trim());

    /// <summary>
    /// The distinct non-empty values of sensitive variables: register them all with the masker before the script
    /// starts, since a script can read any variable, not only the ones substituted into it.
    /// </summary>
    public IReadOnlyList<string> SensitiveValues() =>
        _variables.Values.Where(v => v.IsSensitive && v.Value.Length > 0).Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public IEnumerator<ScriptVariable> GetEnumerator() => _variables.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
