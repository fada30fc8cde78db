using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Storage;

namespace OctoLite.Server.Health;

/// <summary>
/// Executes a Health task: looks up the workers in its scope, checks each enabled tentacle worker (at most
/// <see cref="HealthTimings.Parallelism"/> at once) in a log block and a task step of its own, records what each check
/// found, then applies machine policy cleanup to the workers in scope. The task fails when a worker expected to be
/// online was Unavailable, or a worker was Unhealthy, naming them; a disabled worker, or one with no transport to
/// check it by (SSH), is skipped with a line saying so.
/// </summary>
internal sealed class HealthCheckRunner(OctoStore store, WorkerHealthProbe probe, WorkerHealthService health, HealthTimings timings, TimeProvider time)
{
    /// <returns>How the task ends (Success, or Failed with the reason); the caller ends it, or stops it when <paramref name="run"/> was stopped.</returns>
    public async Task<(TaskState State, string Error)> RunAsync(TaskRecord record, TaskLogWriter log, TaskRun run)
    {
        var scope = record.Current.HealthCheck ?? new HealthCheckScope();
        var (workers, policies) = store.Read(s => (s.Workers.All(), s.Policies.All().ToDictionary(p => p.Id)));
        var inScope = scope.WorkerIds.Count > 0 ? workers.Where(w => scope.WorkerIds.Contains(w.Id)).ToList()
            : scope.WorkerPoolId.Length > 0 ? workers.Where(w => w.WorkerPoolIds.Contains(scope.WorkerPoolId)).ToList()
            : workers;
        inScope = inScope.OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var gone in scope.WorkerIds.Where(id => workers.All(w => w.Id != id)))
        {
            log.Warning("", $"Worker {gone} no longer exists; it is not checked.");
        }

        if (scope.WorkerIds.Count == 0 && scope.WorkerPoolId.Length == 0)
        {
            log.Info("", "The built-in worker runs inside the server, so it is not health-checked.");
        }

        if (inScope.Count == 0)
        {
            log.Info("", "There are no workers to check.");
            return (TaskState.Success, "");
        }

        log.Info("", $"Checking {inScope.Count} worker(s): {string.Join(", ", inScope.Select(w => w.Name))}; at most {timings.Parallelism} at once.");
        record.Update(t => t with
        {
            LogBlocks = [.. t.LogBlocks.Where(b => inScope.All(w => w.Id != b.Id)), .. inScope.Select(w => new TaskLogBlock { Id = w.Id, ParentId = "", Name = $"Check {w.Name}" })],
            Steps = inScope.Select(w => new TaskStep { StepId = w.Id, Name = $"Check {w.Name}", Block = w.Id, Worker = w.Name }).ToList(),
        });

        using var gate = new SemaphoreSlim(Math.Max(1, timings.Parallelism));
        var results = await Task.WhenAll(inScope.Select(w => CheckOneAsync(record, log, run, w, policies.GetValueOrDefault(w.MachinePolicyId), gate)));
        if (run.Token.IsCancellationRequested)
        {
            return (TaskState.Canceled, "");
        }

        foreach (var deleted in health.Cleanup(inScope.Select(w => w.Id).ToList(), record.Current.Id))
        {
            log.Warning("", $"Cleanup: {deleted}.");
        }

        var failed = results.OfType<string>().ToList();
        return failed.Count == 0
            ? (TaskState.Success, "")
            : (TaskState.Failed, $"{failed.Count} of {inScope.Count} worker(s) failed the health check: {string.Join("; ", failed)}");
    }

    /// <returns>Why the worker fails the task ("name: status"), or null when it does not.</returns>
    private async Task<string?> CheckOneAsync(TaskRecord record, TaskLogWriter log, TaskRun run, Worker worker, MachinePolicy? policy, SemaphoreSlim gate)
    {
        var sink = new StepLog(log, worker.Id);
        string? skip = worker.IsDisabled ? $"Worker '{worker.Name}' is disabled: it is not checked. Enable it with `octolite worker enable`."
            : !worker.Endpoint.CommunicationStyle.IsTentacle()
                ? $"Worker '{worker.Name}' is {worker.Endpoint.CommunicationStyle}, which this server version cannot reach yet: it is not checked."
            : policy is null ? $"Worker '{worker.Name}' has no machine policy ({worker.MachinePolicyId} is gone): it is not checked. Give it one with `octolite worker update --policy`."
            : null;
        if (skip is not null)
        {
            sink.Line(TaskLogLevel.Info, skip);
            record.UpdateStep(worker.Id, s => s with { State = TaskStepState.Skipped, ErrorMessage = skip });
            return null;
        }

        try
        {
            await gate.WaitAsync(run.Token);
        }
        catch (OperationCanceledException)
        {
            record.UpdateStep(worker.Id, s => s with { State = TaskStepState.Skipped });
            return null;
        }

        try
        {
            record.UpdateStep(worker.Id, s => s with { State = TaskStepState.Running, StartTime = time.GetUtcNow() });
            var result = await probe.CheckAsync(worker, policy!, record.Current.Id, sink, run.Token);
            if (result is null || run.Token.IsCancellationRequested)
            {
                sink.Line(TaskLogLevel.Warning, "The check was stopped before it finished; the worker's health is left as it was.");
                record.UpdateStep(worker.Id, s => s with { State = TaskStepState.Canceled, CompletedTime = time.GetUtcNow() });
                return null;
            }

            health.Record(worker.Id, result, record.Current.Id);
            var excused = result.Status == HealthStatus.Unavailable && policy!.ConnectivityBehavior == MachineConnectivityBehavior.MayBeOfflineAndCanBeSkipped;
            if (excused)
            {
                sink.Line(TaskLogLevel.Warning, $"Machine policy '{policy!.Name}' lets its workers be offline: this does not fail the task.");
            }

            var fails = !excused && result.Status is HealthStatus.Unavailable or HealthStatus.Unhealthy;
            record.UpdateStep(worker.Id, s => s with
            {
                State = fails ? TaskStepState.Failed : TaskStepState.Success,
                CompletedTime = time.GetUtcNow(),
                ErrorMessage = fails ? result.Summary : "",
            });
            return fails ? $"{worker.Name}: {result.Status} ({result.Summary})" : null;
        }
        finally
        {
            gate.Release();
        }
    }
}
