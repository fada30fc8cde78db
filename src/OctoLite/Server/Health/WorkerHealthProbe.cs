using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Tasks;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Server.Health;

/// <summary>
/// Checks one tentacle worker under its machine policy, writing to its block of the Health task's log. First contact:
/// the tentacle's capabilities, asked up to ConnectionRetryCountLimit times within ConnectionConnectTimeout for a
/// listening tentacle, or once for a polling one (the call itself waits PollingRequestQueueTimeout for a poll); no
/// answer is Unavailable. OnlyConnectivity, or RunScript with an empty script (as in Octopus), stops there: Healthy.
/// RunScript goes on with the policy's script, run as a step's is: exit 0 is Healthy, or HasWarnings when it warned (a
/// warning service message, a stderr line); any other exit is Unhealthy. The free disk check is the default script's
/// (<see cref="MachinePolicyHealthScripts"/>), not the server's: the policy shows and can change all a check does.
/// </summary>
internal sealed class WorkerHealthProbe(TentacleWorker tentacles, TentacleTimeouts timeouts, HealthTimings timings, TimeProvider time)
{
    private const long Megabyte = 1024 * 1024;

    /// <returns>The result, or null when the check was stopped (canceled) before it could say anything.</returns>
    public async Task<WorkerCheckResult?> CheckAsync(Worker worker, MachinePolicy policy, string taskId, StepLog log, CancellationToken cancellationToken)
    {
        var polling = worker.Endpoint.CommunicationStyle == CommunicationStyle.TentacleActive;
        var client = tentacles.ClientFor(worker, policy.PollingRequestQueueTimeout, out var where);
        if (client is null)
        {
            return Unavailable(log, policy, $"Worker '{worker.Name}' has no usable {worker.Endpoint.CommunicationStyle} endpoint (Uri '{worker.Endpoint.Uri}'); fix it with `octolite worker update`.");
        }

        log.Line(TaskLogLevel.Info, $"Contacting {where} (machine policy: {policy.HealthCheckType})");
        var (capabilities, error) = polling
            ? await ContactAsync(client, 1, null, cancellationToken)
            : await ContactAsync(client, Math.Max(1, policy.ConnectionRetryCountLimit), policy.ConnectionConnectTimeout, cancellationToken);
        if (capabilities is null)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            return Unavailable(log, policy, $"Could not reach the tentacle: {error}");
        }

        var found = new WorkerCapabilities
        {
            OperatingSystem = capabilities.OperatingSystem,
            MachineName = capabilities.MachineName,
            AgentVersion = capabilities.AgentVersion,
            Shells = capabilities.Shells,
            FreeDiskBytes = capabilities.FreeDiskBytes,
        };
        var about = $"tentacle {found.AgentVersion} on {found.MachineName} ({found.OperatingSystem})";
        log.Line(TaskLogLevel.Info, $"Connected: {about}; protocol {capabilities.ProtocolVersion}; shells {string.Join(", ", found.Shells)}; free disk {FreeDisk(found.FreeDiskBytes)}");
        if (policy.HealthCheckType == HealthCheckType.OnlyConnectivity)
        {
            return Result(log, policy, HealthStatus.Healthy, $"Connected to {about}", found);
        }

        if (policy.HealthCheckScript.Trim().Length == 0)
        {
            log.Line(TaskLogLevel.Info, "The machine policy's health script is empty: the connection is all that is checked.");
            return Result(log, policy, HealthStatus.Healthy, $"Connected to {about}", found);
        }

        if (!found.Shells.Contains(policy.HealthCheckScriptSyntax.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return Result(log, policy, HealthStatus.Unhealthy, $"The health script is {policy.HealthCheckScriptSyntax}, which this worker cannot run (its shells: {string.Join(", ", found.Shells)}).", found);
        }

        return await RunScriptAsync(worker, policy, taskId, log, found, cancellationToken);
    }

    private async Task<WorkerCheckResult?> RunScriptAsync(Worker worker, MachinePolicy policy, string taskId, StepLog log, WorkerCapabilities found, CancellationToken cancellationToken)
    {
        log.Line(TaskLogLevel.Info, $"Running the machine policy's {policy.HealthCheckScriptSyntax} health script");
        var variables = new ScriptVariableSet();
        variables.Set("Octopus.Machine.Id", worker.Id);
        variables.Set("Octopus.Machine.Name", worker.Name);
        variables.Set("Octopus.Task.Id", taskId);
        variables.Set("Octopus.MachinePolicy.Name", policy.Name);
        variables.Set("Octopus.MachinePolicy.DiskSpaceWarningThresholdMb", policy.DiskSpaceWarningThresholdMb.ToString(CultureInfo.InvariantCulture));
        var request = new StepRunRequest
        {
            Syntax = policy.HealthCheckScriptSyntax,
            Script = policy.HealthCheckScript,
            Variables = variables,
            WorkingFolder = "",
            Timeout = timings.ScriptTimeout,
        };
        var output = new HealthScriptOutput(log);
        var startLimit = policy.StartLimit(worker.Endpoint.CommunicationStyle);
        var ended = await tentacles.RunAsync(worker, startLimit, taskId, $"health-{worker.Id}", request, _ => Task.CompletedTask, output, null, TentacleFollowing.Start, cancellationToken);
        var result = ended.Result;
        if (result.Outcome == StepOutcome.Canceled)
        {
            return null;
        }

        if (ended.Failure is { } failure && result.ExitCode is null)
        {
            return Result(log, policy, HealthStatus.Unavailable, $"Lost contact while running the health script: {failure.Message}", found);
        }

        return result.Outcome switch
        {
            StepOutcome.Success when output.FirstWarning is { } warned => Result(log, policy, HealthStatus.HasWarnings, $"The health check warned: {warned}", found),
            StepOutcome.Success => Result(log, policy, HealthStatus.Healthy, $"Healthy: the health script succeeded on {found.MachineName}", found),
            StepOutcome.TimedOut => Result(log, policy, HealthStatus.Unhealthy, $"The health script did not finish within {timings.ScriptTimeout:c}.", found),
            _ => Result(log, policy, HealthStatus.Unhealthy, result.ExitCode is { } code
                ? $"The health script failed with exit code {code}" + (output.FirstWarning is { } said ? $": {said}" : ".")
                : $"The health script failed: {result.ErrorMessage}", found),
        };
    }

    /// <summary>
    /// Asks for capabilities until one answers, a non-retryable error comes, or the attempts or <paramref name="limit"/>
    /// (for all attempts together; null for none: a polling call has its own) run out. Returns why not, when not.
    /// </summary>
    private async Task<(TentacleCapabilities? Capabilities, string Error)> ContactAsync(TentacleClient client, int attempts, TimeSpan? limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit is { } within)
        {
            deadline.CancelAfter(within);
        }

        TentacleException? last = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return (await client.CapabilitiesAsync(deadline.Token), "");
                }
                catch (TentacleException e) when (e.IsRetryable && attempt < attempts)
                {
                    last = e;
                    await Task.Delay(timeouts.BackoffFor(attempt), time, deadline.Token);
                }
                catch (TentacleException e)
                {
                    return (null, e.IsRetryable && client.IsPolling ? $"{e.Message} (no poll collected the request within {client.PickupTimeout:c})"
                        : e.IsRetryable && attempts > 1 ? $"{e.Message} ({attempts} attempts)"
                        : e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within the machine policy's ConnectionConnectTimeout ({limit:c})" + (last is null ? "" : $"; last error: {last.Message}"));
        }
        catch (OperationCanceledException)
        {
            return (null, "the check was stopped");
        }
    }

    private static string FreeDisk(long bytes) => bytes < 0
        ? "unknown"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0} MB");

    private static WorkerCheckResult Unavailable(StepLog log, MachinePolicy policy, string summary) => Result(log, policy, HealthStatus.Unavailable, summary, null);

    private static WorkerCheckResult Result(StepLog log, MachinePolicy policy, HealthStatus status, string summary, WorkerCapabilities? capabilities)
    {
        log.Line(status switch
        {
            HealthStatus.Healthy => TaskLogLevel.Info,
            HealthStatus.HasWarnings => TaskLogLevel.Warning,
            HealthStatus.Unavailable when policy.ConnectivityBehavior == MachineConnectivityBehavior.MayBeOfflineAndCanBeSkipped => TaskLogLevel.Warning,
            _ => TaskLogLevel.Error,
        }, $"{status}: {summary}");
        return new WorkerCheckResult(status, summary, capabilities);
    }
}
