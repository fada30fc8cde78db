namespace OctoLite.Domain;

/// <summary>
/// What a pool holds now, worked out when asked (never stored): its workers by health and by endpoint kind, as the
/// portal's Worker Pools page shows them.
/// </summary>
internal sealed record WorkerPoolSummary
{
    public string WorkerPoolId { get; init; } = "";
    public string WorkerPoolName { get; init; } = "";
    public bool IsDefault { get; init; }
    public int TotalWorkers { get; init; }
    public int Disabled { get; init; }
    public int Healthy { get; init; }
    public int HasWarnings { get; init; }
    public int Unhealthy { get; init; }
    public int Unavailable { get; init; }
    public int Unknown { get; init; }
    /// <summary>Listening tentacles (TentaclePassive).</summary>
    public int Listening { get; init; }
    /// <summary>Polling tentacles (TentacleActive).</summary>
    public int Polling { get; init; }
    public int Ssh { get; init; }
    /// <summary>True when steps on this pool run on the built-in worker: the default pool with no workers.</summary>
    public bool UsesBuiltInWorker { get; init; }
}
