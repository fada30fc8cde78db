using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Pools;

/// <summary>Worker pools: exactly one is the default, it cannot be deleted, and pools are kept in a user-chosen order.</summary>
internal sealed class WorkerPoolService(OctoStore store, AuditTrail audit)
{
    public const string DocumentType = "WorkerPool";
    public const string DefaultPoolName = "Default Worker Pool";
    private static readonly StorageJsonContext Json = StorageJsonContext.Default;

    public IReadOnlyList<WorkerPool> List() => store.Read(Ordered);

    public Result<WorkerPool> Find(string idOrName) => store.Read(s => Find(s, idOrName));

    /// <summary>Every pool's workers by health and endpoint kind, in sort order.</summary>
    public IReadOnlyList<WorkerPoolSummary> Summaries() => store.Read(s =>
    {
        var workers = s.Workers.All().ToList();
        return Ordered(s).Select(pool => Summarize(pool, workers)).ToList();
    });

    /// <summary>One pool's workers by health and endpoint kind.</summary>
    public Result<WorkerPoolSummary> Summary(string idOrName) => store.Read<Result<WorkerPoolSummary>>(s =>
    {
        var found = Find(s, idOrName);
        return found.IsSuccess ? Summarize(found.Value, s.Workers.All().ToList()) : found.Problem;
    });

    private static WorkerPoolSummary Summarize(WorkerPool pool, IReadOnlyList<Worker> workers)
    {
        var members = workers.Where(w => w.WorkerPoolIds.Contains(pool.Id)).ToList();
        int Count(Func<Worker, bool> predicate) => members.Count(predicate);
        return new WorkerPoolSummary
        {
            WorkerPoolId = pool.Id,
            WorkerPoolName = pool.Name,
            IsDefault = pool.IsDefault,
            TotalWorkers = members.Count,
            Disabled = Count(w => w.IsDisabled),
            Healthy = Count(w => w.HealthStatus == HealthStatus.Healthy),
            HasWarnings = Count(w => w.HealthStatus == HealthStatus.HasWarnings),
            Unhealthy = Count(w => w.HealthStatus == HealthStatus.Unhealthy),
            Unavailable = Count(w => w.HealthStatus == HealthStatus.Unavailable),
            Unknown = Count(w => w.HealthStatus == HealthStatus.Unknown),
            Listening = Count(w => w.Endpoint.CommunicationStyle == CommunicationStyle.TentaclePassive),
            Polling = Count(w => w.Endpoint.CommunicationStyle == CommunicationStyle.TentacleActive),
            Ssh = Count(w => w.Endpoint.CommunicationStyle == CommunicationStyle.Ssh),
            UsesBuiltInWorker = pool.IsDefault && members.Count == 0,
        };
    }

    public Result<WorkerPool> Create(WorkerPool input, Actor who) => store.Write<Result<WorkerPool>>(s =>
    {
        if (input.Id.Length > 0)
        {
            return Problem.Invalid("Id", "Id is assigned by the server; leave it out when creating.");
        }

        if (!input.CanAddWorkers)
        {
            return Problem.Invalid("CanAddWorkers", "CanAddWorkers is decided by the pool type and cannot be set.");
        }

        var all = s.Pools.All();
        var checkedPool = Validate(input, all, self: null);
        if (!checkedPool.IsSuccess)
        {
            return checkedPool.Problem;
        }

        var pool = checkedPool.Value with
        {
            Id = s.NextId("WorkerPools"),
            SortOrder = input.SortOrder > 0 ? input.SortOrder : all.Select(p => p.SortOrder).DefaultIfEmpty(0).Max() + 1,
            IsDefault = input.IsDefault || all.Count == 0,
        };
        if (pool.IsDefault)
        {
            ClearOtherDefaults(s, pool.Id, who);
        }

        s.Pools.Insert(pool);
        audit.Record(s, who, "Created", DocumentType, pool.Id, $"Worker pool '{pool.Name}' created",
            ChangeSummary.Snapshot(pool, Json.WorkerPool) + MakeRoom(s, pool));
        return pool;
    });

    public Result<WorkerPool> Update(string idOrName, Func<WorkerPool, Result<WorkerPool>> change, Actor who) => store.Write<Result<WorkerPool>>(s =>
    {
        var edit = Edit.Apply(Find(s, idOrName), change, p => p.Id);
        if (!edit.IsSuccess)
        {
            return edit.Problem;
        }

        var (current, changed) = edit.Value;

        if (changed.CanAddWorkers != current.CanAddWorkers)
        {
            return Problem.Invalid("CanAddWorkers", "CanAddWorkers is decided by the pool type and cannot be set.");
        }

        if (current.IsDefault && !changed.IsDefault)
        {
            return Problem.Invalid("IsDefault", $"'{current.Name}' is the default pool: make another pool the default instead of unsetting it.");
        }

        var validated = Validate(changed, s.Pools.All(), current.Id);
        if (!validated.IsSuccess)
        {
            return validated.Problem;
        }

        var pool = validated.Value with { SortOrder = changed.SortOrder > 0 ? changed.SortOrder : current.SortOrder };
        if (pool.IsDefault && !current.IsDefault)
        {
            ClearOtherDefaults(s, pool.Id, who);
        }

        s.Pools.Update(pool);
        audit.Record(s, who, "Modified", DocumentType, pool.Id, $"Worker pool '{pool.Name}' modified",
            ChangeSummary.Describe(current, pool, Json.WorkerPool) + MakeRoom(s, pool));
        return pool;
    });

    public Result<WorkerPool> SetDefault(string idOrName, Actor who) =>
        Update(idOrName, pool => pool with { IsDefault = true }, who);

    public Result<WorkerPool> Delete(string idOrName, Actor who) => store.Write<Result<WorkerPool>>(s =>
    {
        var found = Find(s, idOrName);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var pool = found.Value;
        if (pool.IsDefault)
        {
            return Problem.Conflict($"'{pool.Name}' is the default worker pool and cannot be deleted. Make another pool the default first.");
        }

        var members = s.Workers.All().Where(w => w.WorkerPoolIds.Contains(pool.Id)).Select(w => w.Name).Order().ToList();
        if (members.Count > 0)
        {
            return Problem.Conflict($"Worker pool '{pool.Name}' still holds {members.Count} worker(s): {string.Join(", ", members)}. Move or delete them first.");
        }

        var targets = s.Targets.All().Where(t => string.Equals(t.DefaultWorkerPoolId, pool.Id, StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).Order().ToList();
        if (targets.Count > 0)
        {
            return Problem.Conflict($"Worker pool '{pool.Name}' is the default worker pool of {targets.Count} deployment target(s): {string.Join(", ", targets)}. Change or clear their worker pool first.");
        }

        s.Pools.Delete(pool.Id);
        audit.Record(s, who, "Deleted", DocumentType, pool.Id, $"Worker pool '{pool.Name}' deleted", ChangeSummary.Snapshot(pool, Json.WorkerPool));
        return pool;
    });

    /// <summary>
    /// Puts the given pools first, in the given order; pools not named keep their relative order after them.
    /// Sort orders are renumbered 1..N.
    /// </summary>
    public Result<IReadOnlyList<WorkerPool>> Reorder(IReadOnlyList<string> idsOrNames, Actor who) => store.Write<Result<IReadOnlyList<WorkerPool>>>(s =>
    {
        if (idsOrNames.Count == 0)
        {
            return Problem.Invalid("WorkerPoolIds", "Give at least one worker pool to move.");
        }

        var ordered = Ordered(s);
        var chosen = new List<WorkerPool>();
        foreach (var idOrName in idsOrNames)
        {
            var pool = Lookup.ByIdOrName(ordered, idOrName, p => p.Id, p => p.Name);
            if (pool is null)
            {
                return Problem.NotFound("worker pool", idOrName);
            }

            if (chosen.Contains(pool))
            {
                return Problem.Invalid("WorkerPoolIds", $"Worker pool '{pool.Name}' is listed more than once.");
            }

            chosen.Add(pool);
        }

        var result = new List<WorkerPool>();
        foreach (var (pool, index) in chosen.Concat(ordered.Except(chosen)).Select((p, i) => (p, i + 1)))
        {
            var renumbered = pool with { SortOrder = index };
            if (renumbered.SortOrder != pool.SortOrder)
            {
                s.Pools.Update(renumbered);
            }

            result.Add(renumbered);
        }

        audit.Record(s, who, "Modified", DocumentType, string.Join(",", chosen.Select(p => p.Id)), "Worker pools reordered",
            string.Join(", ", result.Select(p => $"{p.SortOrder}. {p.Name}")));
        return result;
    });

    /// <summary>Creates the default pool on first start. Returns false when one already exists.</summary>
    public bool SeedDefault(StoreSession s, Actor who)
    {
        if (s.Pools.All().Any(p => p.IsDefault))
        {
            return false;
        }

        var pool = new WorkerPool { Id = s.NextId("WorkerPools"), Name = DefaultPoolName, IsDefault = true, SortOrder = 1 };
        s.Pools.Insert(pool);
        audit.Record(s, who, "Created", DocumentType, pool.Id, $"Worker pool '{pool.Name}' created", "seeded on first start");
        return true;
    }

    /// <summary>
    /// When <paramref name="placed"/> takes a sort order another pool has, that pool and those after it
    /// move down one place, so positions stay distinct. Returns the moves for the audit event.
    /// </summary>
    private static string MakeRoom(StoreSession s, WorkerPool placed)
    {
        var others = s.Pools.All().Where(p => p.Id != placed.Id).ToList();
        if (others.All(p => p.SortOrder != placed.SortOrder))
        {
            return "";
        }

        var moved = new List<string>();
        foreach (var other in others.Where(p => p.SortOrder >= placed.SortOrder).OrderBy(p => p.SortOrder))
        {
            s.Pools.Update(other with { SortOrder = other.SortOrder + 1 });
            moved.Add($"'{other.Name}' {other.SortOrder} → {other.SortOrder + 1}");
        }

        return $"; moved down: {string.Join(", ", moved)}";
    }

    private static List<WorkerPool> Ordered(StoreSession s) =>
        s.Pools.All().OrderBy(p => p.SortOrder).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    internal static Result<WorkerPool> Find(StoreSession s, string idOrName) =>
        Lookup.ByIdOrName(s.Pools.All(), idOrName, p => p.Id, p => p.Name) is { } pool ? pool : Problem.NotFound("worker pool", idOrName);

    private static Result<WorkerPool> Validate(WorkerPool pool, IReadOnlyList<WorkerPool> all, string? self)
    {
        var name = Names.Validate(pool.Name);
        if (!name.IsSuccess)
        {
            return name.Problem;
        }

        if (all.FirstOrDefault(p => p.Id != self && Names.Same(p.Name, name.Value)) is { } clash)
        {
            return Problem.Conflict($"A worker pool named '{clash.Name}' already exists ({clash.Id}).", "Name");
        }

        if (pool.WorkerPoolType != WorkerPoolType.StaticWorkerPool)
        {
            return Problem.Invalid("WorkerPoolType", $"{pool.WorkerPoolType} pools are not supported yet; use StaticWorkerPool.");
        }

        if (pool.SortOrder < 0)
        {
            return Problem.Invalid("SortOrder", "SortOrder must be zero (append) or positive.");
        }

        if (pool.Description.Length > 4000)
        {
            return Problem.Invalid("Description", "Description must be at most 4000 characters.");
        }

        if (Dispatch.LeaseCaps.Check(pool.MaxConcurrentLeases) is { } cap)
        {
            return cap;
        }

        return pool with { Name = name.Value };
    }

    private void ClearOtherDefaults(StoreSession s, string keepId, Actor who)
    {
        foreach (var other in s.Pools.All().Where(p => p.IsDefault && p.Id != keepId))
        {
            s.Pools.Update(other with { IsDefault = false });
            audit.Record(s, who, "Modified", DocumentType, other.Id, $"Worker pool '{other.Name}' is no longer the default", "IsDefault: true → false");
        }
    }
}
