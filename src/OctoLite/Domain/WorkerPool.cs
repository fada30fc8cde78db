namespace OctoLite.Domain;

/// <summary>A named group of workers that steps are dispatched to (Octopus's WorkerPoolResource).</summary>
internal sealed record WorkerPool
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool IsDefault { get; init; }
    public int SortOrder { get; init; }
    public WorkerPoolType WorkerPoolType { get; init; } = WorkerPoolType.StaticWorkerPool;
    public bool CanAddWorkers { get; init; } = true;
    /// <summary>At most this many tasks lease a worker of this pool at once (1-<see cref="MaxLeasesLimit"/>); null for no cap, as in Octopus.</summary>
    public int? MaxConcurrentLeases { get; init; }

    /// <summary>The highest cap a pool or a worker takes on concurrent leases.</summary>
    public const int MaxLeasesLimit = 10_000;
}
