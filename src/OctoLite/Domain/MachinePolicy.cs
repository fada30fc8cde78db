namespace OctoLite.Domain;

/// <summary>
/// How workers are health-checked, connected to and cleaned up (Octopus's MachinePolicyResource,
/// flattened). Defaults are Octopus's defaults.
/// </summary>
internal sealed record MachinePolicy
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool IsDefault { get; init; }
    /// <summary>Time between scheduled health checks. Default one hour.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromHours(1);
    public HealthCheckType HealthCheckType { get; init; } = HealthCheckType.RunScript;
    /// <summary>Bash run on the worker during a health check; empty means the built-in checks only.</summary>
    public string HealthCheckScript { get; init; } = "";
    /// <summary>How long to wait for a connection to a worker. Default one minute.</summary>
    public TimeSpan ConnectionConnectTimeout { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a request may wait for a polling tentacle to collect it. Default two minutes.</summary>
    public TimeSpan PollingRequestQueueTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public int ConnectionRetryCountLimit { get; init; } = 5;
    public DeleteMachinesBehavior DeleteMachinesBehavior { get; init; } = DeleteMachinesBehavior.DoNotDelete;
    /// <summary>How long a machine must be unavailable before cleanup deletes it. Default one day.</summary>
    public TimeSpan DeleteMachinesElapsedTimeSpan { get; init; } = TimeSpan.FromDays(1);
}
