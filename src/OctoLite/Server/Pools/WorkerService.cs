using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Pools;

/// <summary>Workers: members of one or more pools, under a machine policy, reached through an endpoint.</summary>
internal sealed class WorkerService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "Worker";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public Result<IReadOnlyList<Worker>> List(WorkerFilter filter) => store.Read<Result<IReadOnlyList<Worker>>>(s =>
    {
        string? poolId = null;
        if (filter.Pool is not null)
        {
            if (Lookup.ByIdOrName(s.Pools.All(), filter.Pool, p => p.Id, p => p.Name) is not { } pool)
            {
                return Problem.NotFound("worker pool", filter.Pool);
            }

            poolId = pool.Id;
        }

        return s.Workers.All()
            .Where(w => poolId is null || w.WorkerPoolIds.Contains(poolId))
            .Where(w => filter.Health is null || w.HealthStatus == filter.Health)
            .Where(w => filter.PartialName is null || w.Name.Contains(filter.PartialName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    });

    public Result<Worker> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    public Result<Worker> Create(Worker input, Actor who) => store.Write<Result<Worker>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        if (HealthChanged(new Worker(), input) is { } health)
        {
            return health;
        }

        var validated = Validate(s, input, self: null);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var worker = validated.Value with { Id = s.NextId("Workers") };
        s.Workers.Insert(worker);
        audit.Record(s, who, "Created", DocumentType, worker.Id, $"Worker '{worker.Name}' created", ChangeSummary.Snapshot(worker, Json.Worker));
        return worker;
    });

    public Result<Worker> Update(string idOrName, Func<Worker, Result<Worker>> change, Actor who) => store.Write<Result<Worker>>(s =>
    {
        var edit = Edit.Apply(Find(s, idOrName), change, w => w.Id);
        if (!edit.IsSuccess)
        {
            return edit.Problem;
        }

        var (current, changed) = edit.Value;

        if (HealthChanged(current, changed) is { } health)
        {
            return health;
        }

        var validated = Validate(s, changed, current.Id);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var worker = validated.Value;
        s.Workers.Update(worker);
        audit.Record(s, who, "Modified", DocumentType, worker.Id, $"Worker '{worker.Name}' modified", ChangeSummary.Describe(current, worker, Json.Worker));
        return worker;
    });

    public Result<Worker> Delete(string idOrName, Actor who) => store.Write<Result<Worker>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        s.Workers.Delete(found.Value.Id);
        s.WorkerHealth.DeleteAll(found.Value.Id);
        audit.Record(s, who, "Deleted", DocumentType, found.Value.Id, $"Worker '{found.Value.Name}' deleted", ChangeSummary.Snapshot(found.Value, Json.Worker));
        return found.Value;
    });

    /// <summary>Health fields are written by health checks only: a request that changes one is refused, naming it.</summary>
    private static Problem? HealthChanged(Worker before, Worker after)
    {
        var field = after.HealthStatus != before.HealthStatus ? nameof(Worker.HealthStatus)
            : after.StatusSummary != before.StatusSummary ? nameof(Worker.StatusSummary)
            : after.LastHealthCheck != before.LastHealthCheck ? nameof(Worker.LastHealthCheck)
            : after.LastSeen != before.LastSeen ? nameof(Worker.LastSeen)
            : after.UnavailableSince != before.UnavailableSince ? nameof(Worker.UnavailableSince)
            : !SameCapabilities(before.Capabilities, after.Capabilities) ? nameof(Worker.Capabilities)
            : null;
        return field is null ? null
            : Problem.Invalid(field, $"{field} is set by health checks, not by clients: run one with `octolite worker health-check` (POST /api/workers/health-check).");
    }

    private static bool SameCapabilities(WorkerCapabilities? a, WorkerCapabilities? b) =>
        a is null || b is null ? a is null && b is null : a with { Shells = b.Shells } == b && a.Shells.SequenceEqual(b.Shells);

    private static Result<Worker> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Workers.All(), idOrName, w => w.Id, w => w.Name) is { } worker ? worker : Problem.NotFound("worker", idOrName);

    /// <summary>Validates a worker and normalizes pool and policy references (names or ids) to ids.</summary>
    private static Result<Worker> Validate(StoreSession s, Worker worker, string? self)
    {
        var name = Names.Validate(worker.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (s.Workers.All().FirstOrDefault(w => w.Id != self && Names.Same(w.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"A worker named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        if (worker.WorkerPoolIds is null || worker.WorkerPoolIds.Count == 0)
        {
            return Problem.Invalid("WorkerPoolIds", "A worker belongs to at least one worker pool: give WorkerPoolIds.");
        }

        var pools = s.Pools.All();
        var poolIds = new List<string>();
        foreach (var reference in worker.WorkerPoolIds)
        {
            if (Lookup.ByIdOrName(pools, reference ?? "", p => p.Id, p => p.Name) is not { } pool)
            {
                return Problem.Invalid("WorkerPoolIds", $"There is no worker pool with id or name '{reference}'.");
            }

            if (!pool.CanAddWorkers)
            {
                return Problem.Invalid("WorkerPoolIds", $"Worker pool '{pool.Name}' does not take workers.");
            }

            if (!poolIds.Contains(pool.Id))
            {
                poolIds.Add(pool.Id);
            }
        }

        var policies = s.Policies.All();
        var policy = string.IsNullOrWhiteSpace(worker.MachinePolicyId)
            ? policies.FirstOrDefault(p => p.IsDefault)
            : Lookup.ByIdOrName(policies, worker.MachinePolicyId, p => p.Id, p => p.Name);
        if (policy is null)
        {
            return Problem.Invalid("MachinePolicyId", $"There is no machine policy with id or name '{worker.MachinePolicyId}'.");
        }

        if (Dispatch.LeaseCaps.Check(worker.MaxConcurrentLeases) is { } cap)
        {
            return cap;
        }

        var endpoint = EndpointValidator.Validate(worker.Endpoint);
        if (!endpoint.IsSuccess)
        {
            return endpoint.Problem;
        }

        return worker with { Name = name.Value, WorkerPoolIds = poolIds, MachinePolicyId = policy.Id, Endpoint = endpoint.Value };
    }
}
