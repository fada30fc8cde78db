using OctoLite.Domain;
using OctoLite.Server.Environments;
using OctoLite.Server.Pools;
using OctoLite.Storage;

namespace OctoLite.Server.Targets;

/// <summary>What a deployment target must be: its kind, roles, environments and default pool, with names resolved to ids.</summary>
internal static class TargetRules
{
    /// <summary>The kinds that can be registered today; others may exist in the domain before the server supports them.</summary>
    public static readonly IReadOnlyList<TargetKind> SupportedKinds = [TargetKind.CloudRegion];

    /// <summary>Validates a target and normalizes it: trimmed name and roles, environment and pool references stored as ids.</summary>
    public static Result<DeploymentTarget> Validate(StoreSession s, DeploymentTarget target, string? self)
    {
        var name = Names.Validate(target.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (s.Targets.All().FirstOrDefault(t => t.Id != self && Names.Same(t.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"A deployment target named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        if (!SupportedKinds.Contains(target.Kind))
        {
            return Problem.Invalid("Kind", $"Kind must be one of {string.Join(", ", SupportedKinds)} (got {target.Kind}).");
        }

        var roles = Roles(target.Roles);
        if (!roles.IsSuccess)
        {
            return roles.Problem;
        }

        var environments = EnvironmentIds(s, target.EnvironmentIds);
        if (!environments.IsSuccess)
        {
            return environments.Problem;
        }

        var pool = DefaultWorkerPoolId(s, target.DefaultWorkerPoolId);
        if (!pool.IsSuccess)
        {
            return pool.Problem;
        }

        return target with { Name = name.Value, Roles = roles.Value, EnvironmentIds = environments.Value, DefaultWorkerPoolId = pool.Value };
    }

    /// <summary>At least one role; each trimmed, non-empty, without commas; duplicates (ignoring case) dropped, first spelling kept.</summary>
    public static Result<IReadOnlyList<string>> Roles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return Problem.Invalid("Roles", "A deployment target needs at least one role: give Roles, e.g. [\"web-server\"].");
        }

        var tidy = new List<string>();
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i]?.Trim() ?? "";
            if (role.Length == 0)
            {
                return Problem.Invalid("Roles", $"Roles[{i}] is empty: each role is a non-empty tag.");
            }

            if (role.Contains(',', StringComparison.Ordinal))
            {
                return Problem.Invalid("Roles", $"Role '{role}' contains a comma: give each role as its own item.");
            }

            if (role.Any(char.IsControl))
            {
                return Problem.Invalid("Roles", $"Roles[{i}] must not contain control characters.");
            }

            if (role.Length > Names.MaxLength)
            {
                return Problem.Invalid("Roles", $"Roles[{i}] must be at most {Names.MaxLength} characters (it has {role.Length}).");
            }

            if (!tidy.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                tidy.Add(role);
            }
        }

        return tidy;
    }

    private static Result<IReadOnlyList<string>> EnvironmentIds(StoreSession s, IReadOnlyList<string>? references)
    {
        if (references is null || references.Count == 0)
        {
            return Problem.Invalid("EnvironmentIds", "A deployment target belongs to at least one environment: give EnvironmentIds.");
        }

        var ids = new List<string>();
        foreach (var reference in references)
        {
            var environment = EnvironmentService.Find(s, reference ?? "");
            if (!environment.IsSuccess)
            {
                return Problem.Invalid("EnvironmentIds", $"There is no environment with id or name '{reference}'.");
            }

            if (!ids.Contains(environment.Value.Id))
            {
                ids.Add(environment.Value.Id);
            }
        }

        return ids;
    }

    private static Result<string> DefaultWorkerPoolId(StoreSession s, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return "";
        }

        var pool = WorkerPoolService.Find(s, reference);
        return pool.IsSuccess
            ? pool.Value.Id
            : Problem.Invalid("DefaultWorkerPoolId", $"There is no worker pool with id or name '{reference}'.");
    }
}
