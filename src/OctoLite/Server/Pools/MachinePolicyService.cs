using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Pools;

/// <summary>Machine policies: exactly one is the default; a policy in use by workers cannot be deleted.</summary>
internal sealed class MachinePolicyService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "MachinePolicy";
    public const string DefaultPolicyName = "Default Machine Policy";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public IReadOnlyList<MachinePolicy> List() =>
        store.Read(s => s.Policies.All().OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public Result<MachinePolicy> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    public Result<MachinePolicy> Create(MachinePolicy input, Actor who) => store.Write<Result<MachinePolicy>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        var validated = Validate(s, input, self: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var policy = validated.Value with { Id = s.NextId("MachinePolicies") };
        if (policy.IsDefault)
        {
            ClearOtherDefaults(s, policy.Id, who);
        }

        s.Policies.Insert(policy);
        audit.Record(s, who, "Created", DocumentType, policy.Id, $"Machine policy '{policy.Name}' created", ChangeSummary.Snapshot(policy, Json.MachinePolicy));
        return policy;
    });

    public Result<MachinePolicy> Update(string idOrName, Func<MachinePolicy, Result<MachinePolicy>> change, Actor who) => store.Write<Result<MachinePolicy>>(s =>
    {
        var edit = Edit.Apply(Find(s, idOrName), change, p => p.Id);
        if (!edit.IsSuccess)
        {
            return edit.Problem;
        }

        var (current, changed) = edit.Value;

        if (current.IsDefault && !changed.IsDefault)
        {
            return Problem.Invalid("IsDefault", $"'{current.Name}' is the default policy: make another policy the default instead of unsetting it.");
        }

        var validated = Validate(s, changed, current.Id);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var policy = validated.Value;
        if (policy.IsDefault && !current.IsDefault)
        {
            ClearOtherDefaults(s, policy.Id, who);
        }

        s.Policies.Update(policy);
        audit.Record(s, who, "Modified", DocumentType, policy.Id, $"Machine policy '{policy.Name}' modified", ChangeSummary.Describe(current, policy, Json.MachinePolicy));
        return policy;
    });

    public Result<MachinePolicy> Delete(string idOrName, Actor who) => store.Write<Result<MachinePolicy>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var policy = found.Value;
        if (policy.IsDefault)
        {
            return Problem.Conflict($"'{policy.Name}' is the default machine policy and cannot be deleted. Make another policy the default first.");
        }

        var users = s.Workers.All().Where(w => w.MachinePolicyId == policy.Id).Select(w => w.Name).Order().ToList();
        if (users.Count > 0)
        {
            return Problem.Conflict($"Machine policy '{policy.Name}' is used by {users.Count} worker(s): {string.Join(", ", users)}. Move them to another policy first.");
        }

        s.Policies.Delete(policy.Id);
        audit.Record(s, who, "Deleted", DocumentType, policy.Id, $"Machine policy '{policy.Name}' deleted", ChangeSummary.Snapshot(policy, Json.MachinePolicy));
        return policy;
    });

    /// <summary>Creates the default policy on first start. Returns false when one already exists.</summary>
    public bool SeedDefault(StoreSession s, Actor who)
    {
        if (s.Policies.All().Any(p => p.IsDefault))
        {
            return false;
        }

        var policy = new MachinePolicy { Id = s.NextId("MachinePolicies"), Name = DefaultPolicyName, IsDefault = true };
        s.Policies.Insert(policy);
        audit.Record(s, who, "Created", DocumentType, policy.Id, $"Machine policy '{policy.Name}' created", "seeded on first start");
        return true;
    }

    private static Result<MachinePolicy> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Policies.All(), idOrName, p => p.Id, p => p.Name) is { } policy ? policy : Problem.NotFound("machine policy", idOrName);

    private static Result<MachinePolicy> Validate(StoreSession s, MachinePolicy policy, string? self)
    {
        var name = Names.Validate(policy.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (s.Policies.All().FirstOrDefault(p => p.Id != self && Names.Same(p.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"A machine policy named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        (string Field, TimeSpan Value, TimeSpan Min)[] durations =
        [
            // Seconds are allowed (tests, labs): the scheduler checks at its own tick at most.
            ("HealthCheckInterval", policy.HealthCheckInterval, TimeSpan.FromSeconds(1)),
            ("ConnectionConnectTimeout", policy.ConnectionConnectTimeout, TimeSpan.FromSeconds(1)),
            ("PollingRequestQueueTimeout", policy.PollingRequestQueueTimeout, TimeSpan.FromSeconds(1)),
            ("DeleteMachinesElapsedTimeSpan", policy.DeleteMachinesElapsedTimeSpan, TimeSpan.FromSeconds(1)),
        ];
        foreach (var (field, value, min) in durations)
        {
            if (value < min)
            {
                return Problem.Invalid(field, $"{field} must be at least {min:c} (got {value:c}).");
            }
        }

        if (policy.ConnectionRetryCountLimit is < 0 or > 100)
        {
            return Problem.Invalid("ConnectionRetryCountLimit", $"ConnectionRetryCountLimit must be between 0 and 100 (got {policy.ConnectionRetryCountLimit}).");
        }

        if (policy.DiskSpaceWarningThresholdMb < 0)
        {
            return Problem.Invalid("DiskSpaceWarningThresholdMb", $"DiskSpaceWarningThresholdMb is in MB, 0 (no disk check) or more (got {policy.DiskSpaceWarningThresholdMb}).");
        }

        (string Field, Enum Value)[] choices =
        [
            ("HealthCheckType", policy.HealthCheckType),
            ("HealthCheckScriptSyntax", policy.HealthCheckScriptSyntax),
            ("ConnectivityBehavior", policy.ConnectivityBehavior),
            ("DeleteMachinesBehavior", policy.DeleteMachinesBehavior),
        ];
        foreach (var (field, value) in choices)
        {
            if (!Enum.IsDefined(value.GetType(), value))
            {
                return Problem.Invalid(field, $"{field} must be one of {string.Join(", ", Enum.GetNames(value.GetType()))} (got {value}).");
            }
        }

        // A default script follows its policy's syntax: changing only the syntax of a policy still running the default
        // check gives it that syntax's default rather than, say, the bash script run by pwsh.
        return policy with { Name = name.Value, HealthCheckScript = MachinePolicyHealthScripts.ForSyntax(policy.HealthCheckScript, policy.HealthCheckScriptSyntax) };
    }

    private void ClearOtherDefaults(StoreSession s, string keepId, Actor who)
    {
        foreach (var other in s.Policies.All().Where(p => p.IsDefault && p.Id != keepId))
        {
            s.Policies.Update(other with { IsDefault = false });
            audit.Record(s, who, "Modified", DocumentType, other.Id, $"Machine policy '{other.Name}' is no longer the default", "IsDefault: true → false");
        }
    }
}
