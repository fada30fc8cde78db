using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Variables;

namespace OctoLite.Scripting.Runner;

/// <summary>The variables as a script reads them, through the helper functions and the environment.</summary>
internal static class StepVariables
{
    /// <summary>
    /// Each variable's value with its <c>#{…}</c> references substituted, as Octopus evaluates a variable before a
    /// script reads it (<c>Url = https://#{Host}/</c> reads as <c>https://example.com/</c>). Registers with
    /// <paramref name="masker"/> every sensitive value, both as defined and as evaluated, since a script can read
    /// any variable, not only those substituted into its body.
    /// </summary>
    public static Dictionary<string, string> Evaluate(ScriptVariableSet variables, SecretMasker masker)
    {
        masker.AddRange(variables.SensitiveValues());
        var evaluated = new Dictionary<string, string>(variables.Count, StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var value = variable.Value;
            // Most values hold no reference: skip the substitution's set-up for them.
            if (value.Contains("#{", StringComparison.Ordinal))
            {
                var substitution = VariableSubstitution.Substitute(value, variables);
                value = substitution.Text;
                masker.AddRange(substitution.SensitiveValues);
                if (variable.IsSensitive)
                    masker.Add(value);
            }

            evaluated[variable.Name] = value;
        }
        return evaluated;
    }
}
