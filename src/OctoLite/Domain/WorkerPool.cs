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
}
