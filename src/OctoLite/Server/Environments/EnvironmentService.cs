using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Environments;

/// <summary>Environments: unique names, listed by sort order; one that still holds deployment targets cannot be deleted.</summary>
internal sealed class EnvironmentService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "Environment";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public IReadOnlyList<DeploymentEnvironment> List() => store.Read(Ordered);

    public Result<DeploymentEnvironment> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    public Result<DeploymentEnvironment> Create(DeploymentEnvironment input, Actor who) => store.Write<Result<DeploymentEnvironment>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        var all = s.Environments.All();
        var validated = Validate(input, all, self: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var environment = validated.Value with
        {
            Id = s.NextId("Environments"),
            SortOrder = input.SortOrder > 0 ? input.SortOrder : all.Select(e => e.SortOrder).DefaultIfEmpty(0).Max() + 1,
        };
        s.Environments.Insert(environment);
        audit.Record(s, who, "Created", DocumentType, environment.Id, $"Environment '{environment.Name}' created",
            ChangeSummary.Snapshot(environment, Json.DeploymentEnvironment));
        return environment;
    });

    public Result<DeploymentEnvironment> Update(string idOrName, Func<DeploymentEnvironment, Result<DeploymentEnvironment>> change, Actor who) =>
        store.Write<Result<DeploymentEnvironment>>(s =>
        {
            var edit = Edit.Apply(Find(s, idOrName), change, e => e.Id);
            if (!edit.IsSuccess)
            {
                return edit.Problem;
            }

            var (current, changed) = edit.Value;
            var validated = Validate(changed, s.Environments.All(), current.Id);
            if (!validated.IsSuccess)
            {
                return validated.Problem;
            }

            var environment = validated.Value with { SortOrder = changed.SortOrder > 0 ? changed.SortOrder : current.SortOrder };
            s.Environments.Update(environment);
            audit.Record(s, who, "Modified", DocumentType, environment.Id, $"Environment '{environment.Name}' modified",
                ChangeSummary.Describe(current, environment, Json.DeploymentEnvironment));
            return environment;
        });

    public Result<DeploymentEnvironment> Delete(string idOrName, Actor who) => store.Write<Result<DeploymentEnvironment>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var environment = found.Value;
        var targets = s.Targets.All()
            .Where(t => t.EnvironmentIds.Contains(environment.Id, StringComparer.OrdinalIgnoreCase))
            .Select(t => t.Name)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (targets.Count > 0)
        {
            return Problem.Conflict(
                $"Environment '{environment.Name}' still holds {targets.Count} deployment target(s): {string.Join(", ", targets)}. Move or delete them first.");
        }

        // A scope naming a deleted environment would silently stop matching: the operator decides what becomes of those values.
        var scoped = s.VariableSets.All()
            .SelectMany(set => set.Variables.Where(v => (v.Scope?.Environments ?? []).Contains(environment.Id, StringComparer.OrdinalIgnoreCase))
                .Select(v => $"'{v.Name}' in {set.OwnerId}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (scoped.Count > 0)
        {
            return Problem.Conflict(
                $"Environment '{environment.Name}' scopes {scoped.Count} variable value(s): {string.Join(", ", scoped.Take(10))}{(scoped.Count > 10 ? ", …" : "")}. Delete or re-scope them first (`octolite variable delete --project P --name N --environment {environment.Name}`).");
        }

        if (s.Tasks.All().FirstOrDefault(t => t.EnvironmentId == environment.Id && !t.IsCompleted) is { } active)
        {
            return Problem.Conflict($"Environment '{environment.Name}' has an unfinished task, {active.Id} ({active.State}); wait for it or cancel it first.");
        }

        s.Environments.Delete(environment.Id);
        audit.Record(s, who, "Deleted", DocumentType, environment.Id, $"Environment '{environment.Name}' deleted",
            ChangeSummary.Snapshot(environment, Json.DeploymentEnvironment));
        return environment;
    });

    /// <summary>The environment with this id or name (ids win, names ignore case), inside the caller's store session.</summary>
    internal static Result<DeploymentEnvironment> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Environments.All(), idOrName, e => e.Id, e => e.Name) is { } environment
            ? environment
            : Problem.NotFound("environment", idOrName);

    private static List<DeploymentEnvironment> Ordered(StoreSession s) =>
        s.Environments.All().OrderBy(e => e.SortOrder).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static Result<DeploymentEnvironment> Validate(DeploymentEnvironment environment, IReadOnlyList<DeploymentEnvironment> all, string? self)
    {
        var name = Names.Validate(environment.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (all.FirstOrDefault(e => e.Id != self && Names.Same(e.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"An environment named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        if (environment.SortOrder < 0)
        {
            return Problem.Invalid("SortOrder", $"SortOrder must be zero (after the last) or positive (got {environment.SortOrder}).");
        }

        if (environment.Description.Length > 4000)
        {
            return Problem.Invalid("Description", "Description must be at most 4000 characters.");
        }

        return environment with { Name = name.Value };
    }
}
