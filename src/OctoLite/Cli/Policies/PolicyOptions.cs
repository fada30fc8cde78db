using System.CommandLine;
using OctoLite.Domain;

namespace OctoLite.Cli.Policies;

/// <summary>The settable fields of a machine policy, shared by create and update.</summary>
internal sealed class PolicyOptions
{
    public Option<string?> Description { get; } = new("--description") { Description = "What the policy is for" };
    public Option<TimeSpan?> HealthCheckInterval { get; } = new("--health-check-interval") { Description = "Time between health checks, e.g. 00:30:00 (default 01:00:00)" };
    public Option<HealthCheckType?> HealthCheckType { get; } = new("--health-check-type") { Description = "RunScript or OnlyConnectivity" };
    public Option<string?> HealthCheckScript { get; } = new("--health-check-script") { Description = "Bash script run on the worker during a health check" };
    public Option<TimeSpan?> ConnectTimeout { get; } = new("--connect-timeout") { Description = "How long to wait to connect to a worker (default 00:01:00)" };
    public Option<TimeSpan?> PollingQueueTimeout { get; } = new("--polling-queue-timeout") { Description = "How long a polling tentacle has to collect a request (default 00:02:00)" };
    public Option<int?> RetryCount { get; } = new("--connection-retries") { Description = "Connection attempts before giving up (default 5)" };
    public Option<DeleteMachinesBehavior?> Cleanup { get; } = new("--cleanup") { Description = "DoNotDelete or DeleteUnavailableMachines" };
    public Option<TimeSpan?> CleanupAfter { get; } = new("--cleanup-after") { Description = "How long a worker must be unavailable before cleanup deletes it (default 1.00:00:00)" };

    public IEnumerable<Option> All => [Description, HealthCheckInterval, HealthCheckType, HealthCheckScript, ConnectTimeout, PollingQueueTimeout, RetryCount, Cleanup, CleanupAfter];

    public JsonPatch Apply(JsonPatch patch, ParseResult result) => patch
        .Set("Description", result.GetValue(Description))
        .Set("HealthCheckInterval", result.GetValue(HealthCheckInterval))
        .Set("HealthCheckType", result.GetValue(HealthCheckType)?.ToString())
        .Set("HealthCheckScript", result.GetValue(HealthCheckScript))
        .Set("ConnectionConnectTimeout", result.GetValue(ConnectTimeout))
        .Set("PollingRequestQueueTimeout", result.GetValue(PollingQueueTimeout))
        .Set("ConnectionRetryCountLimit", result.GetValue(RetryCount))
        .Set("DeleteMachinesBehavior", result.GetValue(Cleanup)?.ToString())
        .Set("DeleteMachinesElapsedTimeSpan", result.GetValue(CleanupAfter));
}
