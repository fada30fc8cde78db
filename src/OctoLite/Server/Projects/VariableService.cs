using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// Project variables. A name may hold several values with different scopes (environments, roles); a value is
/// addressed by its name and its exact scope. Sensitive values are encrypted before they are stored and never leave
/// the server: what this service returns carries a null value for them, and audit events name variables without
/// their values.
/// </summary>
internal sealed class VariableService(OctoStore store, AuditTrail audit, SecretProtector secrets)
{
    public const string DocumentType = "VariableSet";
    public const int MaxValueLength = 64 * 1024;

    public Result<IReadOnlyList<Variable>> List(string project) => store.Read<Result<IReadOnlyList<Variable>>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        return owner.IsSuccess ? Variables(s, owner.Value.Id).Select(Redact).ToList() : owner.Problem;
    });

    public Result<Variable> Set(string project, string name, string? value, bool? isSensitive, Actor who) =>
        Set(project, name, value, isSensitive, new VariableScope(), who);

    public Result<Variable> Set(string project, string name, string? value, bool? isSensitive, VariableScope scope, Actor who) => store.Write<Result<Variable>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        if (!owner.IsSuccess)
        {
            return owner.Problem;
        }

        var checkedName = Names.Validate(name);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Problem;
        }

        if (value is null)
        {
            return Problem.Invalid("Value", "Value is required (it may be empty).");
        }

        if (value.Length > MaxValueLength)
        {
            return Problem.Invalid("Value", $"Value must be at most {MaxValueLength} characters (it has {value.Length}).");
        }

        var checkedScope = Scope(s, scope);
        if (!checkedScope.IsSuccess)
        {
            return checkedScope.Problem;
        }

        var set = s.VariableSets.Get(VariableSet.IdFor(owner.Value.Id));
        var variables = set?.Variables.Select(Normalize).ToList() ?? [];
        var index = variables.FindIndex(v => Names.Same(v.Name, checkedName.Value) && v.Scope.SameAs(checkedScope.Value));
        var current = index >= 0 ? variables[index] : null;
        var sensitive = isSensitive ?? current?.IsSensitive ?? false;
        var variable = new Variable
        {
            Id = current?.Id ?? Guid.NewGuid().ToString(),
            Name = current?.Name ?? variables.FirstOrDefault(v => Names.Same(v.Name, checkedName.Value))?.Name ?? checkedName.Value,
            Value = sensitive ? secrets.Protect(value) : value,
            IsSensitive = sensitive,
            Scope = checkedScope.Value,
        };
        if (current is null)
        {
            variables.Add(variable);
        }
        else
        {
            variables[index] = variable;
        }

        Save(s, owner.Value.Id, set, variables);
        var kind = sensitive ? "sensitive variable" : "variable";
        var scoped = variable.Scope.IsEmpty ? "" : $" scoped to {VariableScoping.Describe(variable.Scope)}";
        var details = current is null
            ? $"added {kind} '{variable.Name}'{scoped}"
            : $"changed {kind} '{variable.Name}'{scoped}" + (current.IsSensitive == sensitive ? "" : $"; IsSensitive: {Flag(current.IsSensitive)} → {Flag(sensitive)}");
        audit.Record(s, who, current is null ? "Created" : "Modified", DocumentType, VariableSet.IdFor(owner.Value.Id),
            $"Variable '{variable.Name}' set in project '{owner.Value.Name}'", details);
        return Redact(variable);
    });

    public Result<Variable> Delete(string project, string name, Actor who) => Delete(project, name, new VariableScope(), who);

    /// <summary>Deletes the value of <paramref name="name"/> with exactly this scope (unscoped when empty).</summary>
    public Result<Variable> Delete(string project, string name, VariableScope scope, Actor who) => store.Write<Result<Variable>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        if (!owner.IsSuccess)
        {
            return owner.Problem;
        }

        var checkedScope = Scope(s, scope);
        if (!checkedScope.IsSuccess)
        {
            return checkedScope.Problem;
        }

        var set = s.VariableSets.Get(VariableSet.IdFor(owner.Value.Id));
        var variables = set?.Variables.Select(Normalize).ToList() ?? [];
        var named = variables.Where(v => Names.Same(v.Name, name.Trim())).ToList();
        var variable = named.FirstOrDefault(v => v.Scope.SameAs(checkedScope.Value));
        if (set is null || variable is null)
        {
            return named.Count == 0
                ? Problem.NotFound("variable", name)
                : new Problem(404, "Not found", $"Variable '{name.Trim()}' has no value {(checkedScope.Value.IsEmpty ? "without a scope" : $"scoped to {VariableScoping.Describe(checkedScope.Value)}")}; its values are scoped to: "
                    + string.Join(" | ", named.Select(v => v.Scope.IsEmpty ? "(unscoped)" : VariableScoping.Describe(v.Scope))) + ".");
        }

        variables.Remove(variable);
        Save(s, owner.Value.Id, set, variables);
        audit.Record(s, who, "Modified", DocumentType, set.Id,
            $"Variable '{variable.Name}' deleted from project '{owner.Value.Name}'",
            $"removed {(variable.IsSensitive ? "sensitive variable" : "variable")} '{variable.Name}'{(variable.Scope.IsEmpty ? "" : $" scoped to {VariableScoping.Describe(variable.Scope)}")}");
        return Redact(variable);
    });

    /// <summary>The project's variables with sensitive values decrypted: for the step runner only, never for a response.</summary>
    public Result<IReadOnlyList<Variable>> ForExecution(string project) => store.Read<Result<IReadOnlyList<Variable>>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        return owner.IsSuccess
            ? Variables(s, owner.Value.Id).Select(v => v.IsSensitive ? v with { Value = secrets.Unprotect(v.Value ?? "") } : v).ToList()
            : owner.Problem;
    });

    /// <summary>An audit-safe description of variables: their names, never their values.</summary>
    public static string NamesOnly(IEnumerable<Variable> variables)
    {
        var names = variables.Select(v => v.IsSensitive ? $"'{v.Name}' (sensitive)" : $"'{v.Name}'").ToList();
        return names.Count == 0 ? "no variables" : $"variables: {string.Join(", ", names)}";
    }

    /// <summary>The stored variables of a project (sensitive values still encrypted), for a release's snapshot.</summary>
    internal static IReadOnlyList<Variable> Stored(StoreSession s, string projectId) => Variables(s, projectId).ToList();

    /// <summary>Decrypts the sensitive values of stored variables: for the step runner only, never for a response.</summary>
    public IReadOnlyList<Variable> Decrypt(IEnumerable<Variable> stored) =>
        stored.Select(v => v.IsSensitive ? v with { Value = secrets.Unprotect(v.Value ?? "") } : v).ToList();

    private static IEnumerable<Variable> Variables(StoreSession s, string projectId) =>
        (s.VariableSets.Get(VariableSet.IdFor(projectId))?.Variables ?? []).Select(Normalize)
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Scope.Environments.Count + v.Scope.Roles.Count);

    /// <summary>Variables stored before scopes existed have none.</summary>
    private static Variable Normalize(Variable variable) => variable.Scope is null ? variable with { Scope = new VariableScope() } : variable;

    /// <summary>Resolves environment names to ids and tidies roles; an unknown environment is an error naming it.</summary>
    private static Result<VariableScope> Scope(StoreSession s, VariableScope? scope)
    {
        var environments = new List<string>();
        foreach (var idOrName in (scope?.Environments ?? []).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var environment = Environments.EnvironmentService.Find(s, idOrName);
            if (!environment.IsSuccess)
            {
                return Problem.Invalid("Scope.Environments", $"Scope.Environments: {environment.Problem.Detail}");
            }

            if (!environments.Contains(environment.Value.Id))
            {
                environments.Add(environment.Value.Id);
            }
        }

        var roles = (scope?.Roles ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (roles.FirstOrDefault(r => r.Contains(',', StringComparison.Ordinal) || r.Any(char.IsControl)) is { } bad)
        {
            return Problem.Invalid("Scope.Roles", $"Scope.Roles: '{bad}' is not a role name (no commas or control characters).");
        }

        return new VariableScope { Environments = environments, Roles = roles };
    }

    private static Variable Redact(Variable variable) => variable.IsSensitive ? variable with { Value = null } : variable;

    private static void Save(StoreSession s, string projectId, VariableSet? existing, List<Variable> variables)
    {
        if (existing is null)
        {
            s.VariableSets.Insert(new VariableSet { Id = VariableSet.IdFor(projectId), OwnerId = projectId, Variables = variables });
        }
        else
        {
            s.VariableSets.Update(existing with { Variables = variables });
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
