namespace OctoLite.Server.Api;

/// <summary>
/// One lease held now, as <c>GET /api/workerleases</c> lists it: the task holding the worker, for which pool, and since
/// when.
/// </summary>
/// <param name="Exclusive">No other task may hold the worker meanwhile.</param>
internal sealed record ActiveLease(string TaskId, string WorkerId, string WorkerName, string PoolName, bool Exclusive, DateTimeOffset Since);
