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
    /// <summary>Time between scheduled health checks of each worker. Default one hour; at least one second.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromHours(1);
    public HealthCheckType HealthCheckType { get; init; } = HealthCheckType.RunScript;
    /// <summary>
    /// Run on the worker during a RunScript health check, once it is reached: the whole of the check beyond the
    /// connection. Default <see cref="MachinePolicyHealthScripts"/>' script for <see cref="HealthCheckScriptSyntax"/>
    /// (free disk against <see cref="DiskSpaceWarningThresholdMb"/>); empty means the connection is all that is checked,
    /// as in Octopus.
    /// </summary>
    public string HealthCheckScript { get; init; } = MachinePolicyHealthScripts.Shell;
    /// <summary>The language of <see cref="HealthCheckScript"/>. Default Bash.</summary>
    public ScriptSyntax HealthCheckScriptSyntax { get; init; } = ScriptSyntax.Bash;
    /// <summary>
    /// Given to the health script as the variable <c>Octopus.MachinePolicy.DiskSpaceWarningThresholdMb</c>; the default
    /// scripts warn (HasWarnings) when the worker has less free disk than this, in MB (1 MB = 1,048,576 bytes).
    /// Default 500; 0 turns their check off.
    /// </summary>
    public int DiskSpaceWarningThresholdMb { get; init; } = 500;
    /// <summary>Whether a worker that cannot be reached fails the health check task. Default ExpectedToBeOnline.</summary>
    public MachineConnectivityBehavior ConnectivityBehavior { get; init; } = MachineConnectivityBehavior.ExpectedToBeOnline;
    /// <summary>How long to wait for a connection to a worker. Default one minute.</summary>
    public TimeSpan ConnectionConnectTimeout { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long a request may wait for a polling tentacle to collect it. Default two minutes. A polling tentacle not
    /// heard from for longer than this is marked Unavailable without waiting for the next health check.
    /// </summary>
    public TimeSpan PollingRequestQueueTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Connection attempts to a listening tentacle before a health check counts it Unavailable. Default 5.</summary>
    public int ConnectionRetryCountLimit { get; init; } = 5;
    public DeleteMachinesBehavior DeleteMachinesBehavior { get; init; } = DeleteMachinesBehavior.DoNotDelete;
    /// <summary>
    /// With DeleteUnavailableMachines, how long a worker must have been Unavailable before the health check after
    /// that deletes it. Default one day.
    /// </summary>
    public TimeSpan DeleteMachinesElapsedTimeSpan { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long to keep trying to start a script on a worker reached this way: a listening tentacle's connect timeout,
    /// or how long a polling one's call may wait to be collected.
    /// </summary>
    public TimeSpan StartLimit(CommunicationStyle style) =>
        style == CommunicationStyle.TentacleActive ? PollingRequestQueueTimeout : ConnectionConnectTimeout;
}
