namespace OctoLite.Domain;

/// <summary>A machine that runs steps on behalf of the server (Octopus's WorkerResource).</summary>
internal sealed record Worker
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<string> WorkerPoolIds { get; init; } = [];
    public bool IsDisabled { get; init; }
    public HealthStatus HealthStatus { get; init; } = HealthStatus.Unknown;
    public string StatusSummary { get; init; } = "";
    public string MachinePolicyId { get; init; } = "";
    public WorkerEndpoint Endpoint { get; init; } = new();
}
