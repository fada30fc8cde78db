namespace OctoLite.Domain;

/// <summary>
/// Which workers a Health task checks: those named in <see cref="WorkerIds"/>, else the members of
/// <see cref="WorkerPoolId"/>, else every worker. Workers are looked up when the task runs, so one added meanwhile
/// to the pool is checked too, and one deleted meanwhile is left out.
/// </summary>
internal sealed record HealthCheckScope
{
    public string WorkerPoolId { get; init; } = "";
    public IReadOnlyList<string> WorkerIds { get; init; } = [];
    /// <summary>The machine policy whose interval queued the task; empty for a check someone asked for.</summary>
    public string MachinePolicyId { get; init; } = "";
}
