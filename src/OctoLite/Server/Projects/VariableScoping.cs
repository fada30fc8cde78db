using OctoLite.Domain;

namespace OctoLite.Server.Projects;

/// <summary>
/// Picks one value per variable name for where a step runs, as Octopus does: a value applies when each scope it
/// has matches (its environments include the deployment's, its roles meet the target's or the step's), and among
/// the values that apply the most specific wins — a role scope outranks an environment scope, two scopes outrank
/// one, and an unscoped value is the fallback.
/// </summary>
internal static class VariableScoping
{
    /// <param name="environmentId">The deployment's environment; null when the task has none (then environment-scoped values never apply).</param>
    /// <param name="roles">The roles in context: the target's when a step runs on behalf of one, plus the step's own roles.</param>
    public static List<Variable> Resolve(IEnumerable<Variable> variables, string? environmentId, IReadOnlyCollection<string> roles)
    {
        var chosen = new Dictionary<string, (Variable Variable, int Rank)>(StringComparer.OrdinalIgnoreCase);
        foreach (var variable in variables)
        {
            var scope = variable.Scope ?? new VariableScope();
            if (!Applies(scope, environmentId, roles))
            {
                continue;
            }

            var rank = Rank(scope);
            if (!chosen.TryGetValue(variable.Name, out var current) || rank > current.Rank)
            {
                chosen[variable.Name] = (variable, rank);
            }
        }

        return chosen.Values.Select(c => c.Variable).ToList();
    }

    public static bool Applies(VariableScope scope, string? environmentId, IReadOnlyCollection<string> roles) =>
        (scope.Environments.Count == 0 || (environmentId is not null && scope.Environments.Contains(environmentId, StringComparer.OrdinalIgnoreCase)))
        && (scope.Roles.Count == 0 || scope.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase)));

    private static int Rank(VariableScope scope) => (scope.Roles.Count > 0 ? 2 : 0) + (scope.Environments.Count > 0 ? 1 : 0);

    /// <summary>How a scope reads in tables and audit: "Environments-1, Environments-2; roles web", or "" when unscoped.</summary>
    public static string Describe(VariableScope scope, Func<string, string>? environmentName = null)
    {
        var parts = new List<string>();
        if (scope.Environments.Count > 0)
        {
            parts.Add("environments " + string.Join(", ", scope.Environments.Select(e => environmentName?.Invoke(e) ?? e)));
        }

        if (scope.Roles.Count > 0)
        {
            parts.Add("roles " + string.Join(", ", scope.Roles));
        }

        return string.Join("; ", parts);
    }
}
