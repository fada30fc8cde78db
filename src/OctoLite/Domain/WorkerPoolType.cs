namespace OctoLite.Domain;

/// <summary>How a pool gets its workers. Only static pools exist today; dynamic pools are refused.</summary>
internal enum WorkerPoolType
{
    StaticWorkerPool,
    DynamicWorkerPool,
}
