using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Environments;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Targets;

/// <summary>
/// Deployment targets: named, tagged with roles, in one or more environments, optionally bound to a default worker
/// pool. Only Cloud Region targets exist so far; they have no endpoint, so their health check has nothing to reach.
/// </summary>
internal sealed class TargetService(OctoStore store, AuditTrail audit, TimeProvider time)
{
    public const string DocumentType = "DeploymentTarget";
    public const string CloudRegionHealthSummary = "Cloud Region targets have no endpoint; nothing to check";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public Result<IReadOnlyList<DeploymentTarget>> List(TargetFilter filter) => store.Read<Result<IReadOnlyList<DeploymentTarget>>>(s =>
    {
        string? environmentId = null;
        if (filter.Environment is not null)
        {
            var environment = EnvironmentService.Find(s, filter.Environment);
            if (!environment.IsSuccess)
            {
                return environment.Problem;
            }

            environmentId = environment.Value.Id;
        }

        var role = filter.Role?.Trim();
        return s.Targets.All()
            .Where(t => environmentId is null || t.EnvironmentIds.Contains(environmentId, StringComparer.OrdinalIgnoreCase))
            .Where(t => string.IsNullOrEmpty(role) || t.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    });

    public Result<DeploymentTarget> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    public Result<DeploymentTarget> Create(DeploymentTarget input, Actor who) => store.Write<Result<DeploymentTarget>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        if (HealthChanged(new DeploymentTarget(), input) is { } health)
        {
            return health;
        }

        var validated = TargetRules.Validate(s, input, self: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var target = validated.Value with { Id = s.NextId("Machines") };
        s.Targets.Insert(target);
        audit.Record(s, who, "Created", DocumentType, target.Id, $"Deployment target '{target.Name}' created", ChangeSummary.Snapshot(target, Json.DeploymentTarget));
        return target;
    });

    public Result<DeploymentTarget> Update(string idOrName, Func<DeploymentTarget, Result<DeploymentTarget>> change, Actor who) =>
        store.Write<Result<DeploymentTarget>>(s =>
        {
            var edit = Edit.Apply(Find(s, idOrName), change, t => t.Id);
            if (!edit.IsSuccess)
            {
                return edit.Problem;
            }

            var (current, changed) = edit.Value;
            if (HealthChanged(current, changed) is { } health)
            {
                return health;
            }

            var validated = TargetRules.Validate(s, changed, current.Id);
            if (!validated.IsSuccess)
            {
                return validated.Problem;
            }

            var target = validated.Value;
            s.Targets.Update(target);
            audit.Record(s, who, "Modified", DocumentType, target.Id, $"Deployment target '{target.Name}' modified",
                ChangeSummary.Describe(current, target, Json.DeploymentTarget));
            return target;
        });

    public Result<DeploymentTarget> Delete(string idOrName, Actor who) => store.Write<Result<DeploymentTarget>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        s.Targets.Delete(found.Value.Id);
        audit.Record(s, who, "Deleted", DocumentType, found.Value.Id, $"Deployment target '{found.Value.Name}' deleted",
            ChangeSummary.Snapshot(found.Value, Json.DeploymentTarget));
        return found.Value;
    });

    /// <summary>Disables or enables a target. Asking for the state it is already in changes nothing and records nothing.</summary>
    public Result<DeploymentTarget> SetDisabled(string idOrName, bool disabled, Actor who) => store.Write<Result<DeploymentTarget>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var current = found.Value;
        if (current.IsDisabled == disabled)
        {
            return current;
        }

        var target = current with { IsDisabled = disabled };
        s.Targets.Update(target);
        audit.Record(s, who, "Modified", DocumentType, target.Id, $"Deployment target '{target.Name}' {(disabled ? "disabled" : "enabled")}",
            ChangeSummary.Describe(current, target, Json.DeploymentTarget));
        return target;
    });

    /// <summary>
    /// Checks a target's health now. A Cloud Region has no endpoint to reach, so an enabled one is Healthy by
    /// definition; a disabled one is left exactly as it was, and the answer says why.
    /// </summary>
    public Result<TargetHealthCheck> CheckHealth(string idOrName, Actor who) => store.Write<Result<TargetHealthCheck>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var current = found.Value;
        if (current.IsDisabled)
        {
            return new TargetHealthCheck(current, false, $"Deployment target '{current.Name}' is disabled: its health was not checked. Enable it first.");
        }

        var target = current with { HealthStatus = HealthStatus.Healthy, StatusSummary = CloudRegionHealthSummary, LastHealthCheck = time.GetUtcNow() };
        s.Targets.Update(target);
        audit.Record(s, who, "Modified", DocumentType, target.Id, $"Deployment target '{target.Name}' health checked: {target.HealthStatus}",
            ChangeSummary.Describe(current, target, Json.DeploymentTarget));
        return new TargetHealthCheck(target, true, $"Deployment target '{target.Name}' is {target.HealthStatus}: {target.StatusSummary}.");
    });

    /// <summary>The target with this id or name (ids win, names ignore case), inside the caller's store session.</summary>
    internal static Result<DeploymentTarget> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Targets.All(), idOrName, t => t.Id, t => t.Name) is { } target ? target : Problem.NotFound("deployment target", idOrName);

    /// <summary>Health fields are written by health checks only: a request that changes one is refused, naming it.</summary>
    private static Problem? HealthChanged(DeploymentTarget before, DeploymentTarget after)
    {
        var field = after.HealthStatus != before.HealthStatus ? nameof(DeploymentTarget.HealthStatus)
            : after.StatusSummary != before.StatusSummary ? nameof(DeploymentTarget.StatusSummary)
            : after.LastHealthCheck != before.LastHealthCheck ? nameof(DeploymentTarget.LastHealthCheck)
            : null;
        return field is null
            ? null
            : Problem.Invalid(field, $"{field} is set by health checks, not by clients: run a health check instead (POST /api/machines/{{id}}/health).");
    }
}
