namespace OctoLite.Domain;

/// <summary>One entry of a worker's health history: a health check's result, or a change the server saw by itself (a polling tentacle gone silent).</summary>
internal sealed record WorkerHealthRecord
{
    /// <summary><c>&lt;workerId&gt;/&lt;sequence, 12 digits&gt;</c>, assigned by the store.</summary>
    public string Id { get; init; } = "";
    public string WorkerId { get; init; } = "";
    public DateTimeOffset Time { get; init; }
    public HealthStatus HealthStatus { get; init; }
    public string Summary { get; init; } = "";
    /// <summary>The Health task that checked it; empty when the server decided without a check.</summary>
    public string TaskId { get; init; } = "";
}
