using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Projects;

/// <summary>
/// Project variables. Sensitive values are encrypted before they are stored and never leave the
/// server: what this service returns carries a null value for them, and audit events name variables
/// without their values.
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

    public Result<Variable> Set(string project, string name, string? value, bool? isSensitive, Actor who) => store.Write<Result<Variable>>(s =>
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

        var set = s.VariableSets.Get(VariableSet.IdFor(owner.Value.Id));
        var variables = set?.Variables.ToList() ?? [];
        var index = variables.FindIndex(v => Names.Same(v.Name, checkedName.Value));
        var current = index >= 0 ? variables[index] : null;
        var sensitive = isSensitive ?? current?.IsSensitive ?? false;
        var variable = new Variable
        {
            Id = current?.Id ?? Guid.NewGuid().ToString(),
            Name = current?.Name ?? checkedName.Value,
            Value = sensitive ? secrets.Protect(value) : value,
            IsSensitive = sensitive,
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
        var details = current is null
            ? $"added {kind} '{variable.Name}'"
            : $"changed {kind} '{variable.Name}'" + (current.IsSensitive == sensitive ? "" : $"; IsSensitive: {Flag(current.IsSensitive)} → {Flag(sensitive)}");
        audit.Record(s, who, current is null ? "Created" : "Modified", DocumentType, VariableSet.IdFor(owner.Value.Id),
            $"Variable '{variable.Name}' set in project '{owner.Value.Name}'", details);
        return Redact(variable);
    });

    public Result<Variable> Delete(string project, string name, Actor who) => store.Write<Result<Variable>>(s =>
    {
        var owner = ProjectService.Find(s, project);
        if (!owner.IsSuccess)
        {
            return owner.Problem;
        }

        var set = s.VariableSets.Get(VariableSet.IdFor(owner.Value.Id));
        var variables = set?.Variables.ToList() ?? [];
        var variable = variables.FirstOrDefault(v => Names.Same(v.Name, name.Trim()));
        if (set is null || variable is null)
        {
            return Problem.NotFound("variable", name);
        }

        variables.Remove(variable);
        Save(s, owner.Value.Id, set, variables);
        audit.Record(s, who, "Modified", DocumentType, set.Id,
            $"Variable '{variable.Name}' deleted from project '{owner.Value.Name}'", $"removed {(variable.IsSensitive ? "sensitive variable" : "variable")} '{variable.Name}'");
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

    private static IEnumerable<Variable> Variables(StoreSession s, string projectId) =>
        (s.VariableSets.Get(VariableSet.IdFor(projectId))?.Variables ?? []).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase);

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
