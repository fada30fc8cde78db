using System.Collections.Concurrent;
using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;
using OctoLite.Server.Audit;
using OctoLite.Server.Configuration;
using OctoLite.Server.Dispatch;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Runs a Run a Script step: once, or once per enabled target in its roles in the task's environment, each
/// invocation on the worker the task leased for its pool when it started (a target's default pool overrides the
/// step's), holding the step's named mutex on that worker while its script runs (ScriptStep.Mutex.cs). At most
/// MaxParallelism invocations of the step run at once; the step fails if any invocation fails. A step the server
/// stopped in (see <see cref="TaskRecord.ResumesAfterServerStop"/>) leaves its tentacle scripts running and its
/// unstarted invocations Pending, and is resumed after the restart (ScriptStep.Resume.cs).
/// </summary>
internal sealed partial class ScriptStep(
    ConfigurationService configuration,
    SecretProtector secrets,
    BuiltInWorker builtInWorker,
    WorkerPlacement placement,
    ArtifactCollector artifacts,
    TimeProvider time,
    TentacleWorker tentacleWorker,
    OctoStore store,
    AuditTrail audit,
    ScriptMutexes mutexes,
    TaskWaits waits)
{
    // Trust failures audited so far, one event per task, step and worker however many invocations hit it.
    private readonly ConcurrentDictionary<string, bool> _trustFailuresAudited = new(StringComparer.Ordinal);

    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        var onBehalf = step.ExecutionLocation == ExecutionLocation.WorkerPoolOnBehalfOfRoles;
        if (record.Current.Steps.FirstOrDefault(s => s.StepId == step.Id)?.Invocations is { Count: > 0 } recorded)
        {
            return await ResumeAsync(record, context, step, number, recorded, onBehalf, log, run);
        }

        List<DeploymentTarget?> targets = onBehalf ? [.. context.TargetsIn(step.Roles)] : [null];
        if (targets.Count == 0)
        {
            var where = context.Environment is null ? "this run has no environment (run it with --environment)" : $"environment {context.Environment.Name} has no enabled target";
            log.Write(TaskLogLevel.Warning, step.Id, $"Skipping this step: {where} in role(s) {string.Join(", ", step.Roles)}.");
            record.StageStep(step.Id, s => s with { State = TaskStepState.Skipped, CompletedTime = time.GetUtcNow(), ErrorMessage = $"No targets in role(s) {string.Join(", ", step.Roles)}." });
            return StepOutcomeReport.Success;
        }

        // A step that runs once needs no limit: its variables are built once, for the invocation itself.
        var limit = targets.Count == 1 ? 1 : context.MaxParallelism(step, context.VariablesFor(step, number, targets[0], ""));
        var invocations = targets.Select(target => new TaskStepInvocation
        {
            Block = target is null ? $"{step.Id}/worker" : $"{step.Id}/{target.Id}",
            TargetId = target?.Id ?? "",
            TargetName = target?.Name ?? "",
        }).ToList();
        // Staged: stored with the first script's start (its process group), moments later, not in a write of its own.
        record.Stage(t => t with
        {
            LogBlocks = [.. t.LogBlocks.Where(b => invocations.All(i => i.Block != b.Id)),
                .. targets.Select((target, i) => new TaskLogBlock { Id = invocations[i].Block, ParentId = step.Id, Name = target is null ? "On a worker" : $"On behalf of {target.Name}" })],
            Steps = t.Steps.Select(s => s.StepId == step.Id ? s with { Invocations = invocations, Worker = onBehalf ? $"{targets.Count} target(s)" : s.Worker } : s).ToList(),
        });
        if (onBehalf)
        {
            log.Info(step.Id, $"Running on behalf of {targets.Count} target(s) in role(s) {string.Join(", ", step.Roles)}: {string.Join(", ", targets.Select(t => t!.Name))}; at most {limit} at once.");
        }

        using var gate = new SemaphoreSlim(limit, limit);
        var results = await Task.WhenAll(targets.Select((target, i) => RunInvocationAsync(record, context, step, number, target, invocations[i].Block, gate, log, run)));
        return Outcome(results, onBehalf);
    }

    /// <summary>The step's outcome from its invocations'.</summary>
    private static StepOutcomeReport Outcome(IReadOnlyList<StepOutcomeReport> results, bool onBehalf)
    {
        // The server is stopping: with every invocation either suspended or ended on its own, the step resumes after
        // the restart. One stopped for good (a script killed on the built-in worker) ends the step canceled.
        if (results.Any(r => r.Suspended) && results.All(r => r.Suspended || r.Outcome != StepOutcome.Canceled))
        {
            return results.First(r => r.Suspended);
        }

        var failures = results.Where(r => r.Outcome != StepOutcome.Success).ToList();
        if (failures.Count == 0)
        {
            return StepOutcomeReport.Success;
        }

        var outcome = failures.Any(f => f.Outcome == StepOutcome.Canceled) ? StepOutcome.Canceled
            : failures.Any(f => f.Outcome == StepOutcome.TimedOut) ? StepOutcome.TimedOut
            : StepOutcome.Failed;
        var message = failures.Count == 1 || !onBehalf ? failures[0].Message : $"{failures.Count} of {results.Count} invocations failed; first: {failures[0].Message}";
        return new StepOutcomeReport(outcome, message);
    }

    private async Task<StepOutcomeReport> RunInvocationAsync(
        TaskRecord record, TaskContext context, Step step, int number, DeploymentTarget? target, string block, SemaphoreSlim gate, TaskLogWriter log, TaskRun run)
    {
        try
        {
            await gate.WaitAsync(run.Token);
        }
        catch (OperationCanceledException)
        {
            if (run.Reason == StopReason.ServerStopping)
            {
                return NotStarted; // stays Pending: it starts when the task resumes, if it does
            }

            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Skipped });
            return new StepOutcomeReport(StepOutcome.Canceled, "The task was stopped before this invocation started.");
        }

        try
        {
            return await RunOnWorkerAsync(record, context, step, number, target, block, log, run);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<StepOutcomeReport> RunOnWorkerAsync(
        TaskRecord record, TaskContext context, Step step, int number, DeploymentTarget? target, string block, TaskLogWriter log, TaskRun run)
    {
        var prefix = target is null ? "" : $"{target.Name}: ";
        var sink = new StepLog(log, block);
        var pool = target is { DefaultWorkerPoolId.Length: > 0 } ? target.DefaultWorkerPoolId : step.WorkerPool;
        var placed = context.Workers is { } workers ? await workers.PlaceAsync(WorkerPlacement.PoolReference(step, target)) : new Problem(409, "No lease", "This task leased no workers when it started.");
        if (!placed.IsSuccess && run.Token.IsCancellationRequested)
        {
            // Stopped while it waited for a resumed task's lease on its pool.
            if (run.Reason == StopReason.ServerStopping)
            {
                return NotStarted; // stays Pending: it starts when the task resumes, if it does
            }

            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Skipped });
            return new StepOutcomeReport(StepOutcome.Canceled, "The task was stopped while this invocation waited for a worker.");
        }

        if (!placed.IsSuccess)
        {
            sink.Line(TaskLogLevel.Error, placed.Problem.Detail);
            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Failed, ErrorMessage = placed.Problem.Detail, CompletedTime = time.GetUtcNow() });
            return new StepOutcomeReport(StepOutcome.Failed, prefix + placed.Problem.Detail);
        }

        var placedOn = placed.Value;
        var (mutex, ended) = await EnterMutexAsync(record, step, block, placedOn, sink, run, prefix);
        if (ended is not null)
        {
            return ended;
        }

        using var held = mutex;
        var worker = placedOn.DisplayName;
        var variables = context.VariablesFor(step, number, target, target?.Name ?? worker);
        variables.Set("Octopus.WorkerPool.Id", pool);
        var started = time.GetUtcNow();
        record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Running, StartTime = started, Worker = worker, WorkerId = placedOn.Worker?.Id ?? "" });
        record.StageStep(step.Id, s => s with { Worker = target is null ? worker : s.Worker });
        if (run.Token.IsCancellationRequested && run.Reason == StopReason.ServerStopping)
        {
            // Checked after it shows Running, so the task's decision to resume either saw it running or sees it here.
            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Pending, StartTime = null, Worker = "", WorkerId = "" });
            return NotStarted;
        }

        var request = new StepRunRequest
        {
            Syntax = step.Syntax,
            Script = step.Script,
            Variables = variables,
            WorkingFolder = "",
            Timeout = step.Timeout,
            Started = processGroup =>
            {
                var startTime = ProcessGroup.StartTime(processGroup);
                record.UpdateInvocation(step.Id, block, i => i with { ProcessGroupId = processGroup, ProcessStartTime = startTime });
            },
        };
        var folder = FolderName(step, target?.Id ?? "");
        if (placedOn.Worker is { } tentacle)
        {
            var ticket = TentacleWorker.Ticket(record.Current.Id, folder);
            var accepted = false;
            // Once the script runs, what was staged is stored with its ticket, as the built-in worker's start stores its process group.
            var finished = await RunOnTentacleAsync(record, step, tentacle, placedOn.StartRetryLimit, folder, request, sink, run, new TentacleFollowing(DetachOnStop: DetachOnStop(record, run)),
                () =>
                {
                    accepted = true;
                    record.UpdateInvocation(step.Id, block, i => i with { Ticket = ticket });
                });
            if (finished.IsDetached)
            {
                return Detached(record, step, block, worker, accepted, sink);
            }

            return Finish(record, context, step, block, target?.Name ?? "", finished.Result, sink, prefix);
        }

        var result = await builtInWorker.RunAsync(record.Current, folder, request, configuration.Get(), artifact => CollectAsync(record, step.Name, artifact, sink), sink, run.Token);
        return Finish(record, context, step, block, target?.Name ?? "", result, sink, prefix);
    }

    /// <summary>Records how an invocation ended, and passes its output variables to the steps after it.</summary>
    /// <param name="machine">The target it ran on behalf of; empty when the step runs once.</param>
    private StepOutcomeReport Finish(TaskRecord record, TaskContext context, Step step, string block, string machine, StepRunResult result, StepLog sink, string prefix)
    {
        var outputs = sink.OutputVariables;
        if (result.ExitCode is { } exitCode)
        {
            outputs["Octopus.Action.Script.ExitCode"] = (exitCode.ToString(CultureInfo.InvariantCulture), false);
        }

        foreach (var (name, (value, sensitive)) in outputs)
        {
            context.AddOutput($"Octopus.Action[{step.Name}].Output.{name}", value, sensitive);
            if (machine.Length > 0)
            {
                context.AddOutput($"Octopus.Action[{step.Name}].Output[{machine}].{name}", value, sensitive);
            }
        }

        var state = result.Outcome switch
        {
            StepOutcome.Success => TaskStepState.Success,
            StepOutcome.Canceled => TaskStepState.Canceled,
            StepOutcome.TimedOut => TaskStepState.TimedOut,
            _ => TaskStepState.Failed,
        };
        if (result.Outcome != StepOutcome.Success)
        {
            sink.Line(TaskLogLevel.Error, result.ErrorMessage.Length > 0 ? result.ErrorMessage : $"The step ended {state}.");
        }

        record.Stage(t => t with
        {
            Steps = t.Steps.Select(s => s.StepId != step.Id ? s : s with
            {
                ExitCode = machine.Length == 0 ? result.ExitCode : s.ExitCode,
                Invocations = s.Invocations.Select(i => i.Block != block ? i : i with
                {
                    State = state, CompletedTime = time.GetUtcNow(), ExitCode = result.ExitCode, ErrorMessage = result.ErrorMessage, ProcessGroupId = null, ProcessStartTime = null,
                }).ToList(),
            }).ToList(),
            OutputVariables = [.. t.OutputVariables.Where(v => v.StepName != step.Name || v.MachineName != machine || !outputs.ContainsKey(v.Name)),
                .. outputs.Select(o => new OutputVariable { StepName = step.Name, MachineName = machine, Name = o.Key, IsSensitive = o.Value.Sensitive, Value = o.Value.Sensitive ? secrets.Protect(o.Value.Value) : o.Value.Value })],
        });
        return new StepOutcomeReport(result.Outcome, prefix + result.ErrorMessage);
    }

    private async Task<TentacleRunResult> RunOnTentacleAsync(
        TaskRecord record, Step step, Worker tentacle, TimeSpan startRetryLimit, string folder, StepRunRequest request, StepLog sink, TaskRun run, TentacleFollowing following, Action started)
    {
        var ended = await tentacleWorker.RunAsync(tentacle, startRetryLimit, record.Current.Id, folder, request, artifact => CollectAsync(record, step.Name, artifact, sink), sink,
            started, following, run.Token);
        if (ended.IsTrustFailure && _trustFailuresAudited.TryAdd($"{record.Current.Id}/{step.Id}/{tentacle.Id}", true))
        {
            store.Write(s =>
            {
                audit.Record(s, Actor.System, "TrustFailure", Pools.WorkerService.DocumentType, tentacle.Id, $"Worker '{tentacle.Name}' refused in task {record.Current.Id}, step '{step.Name}': {ended.Failure!.Message}");
                return true;
            });
        }

        return ended;
    }

    private Task CollectAsync(TaskRecord record, string stepName, StepArtifact artifact, StepLog sink)
    {
        try
        {
            var stored = artifacts.Collect(record.Current, stepName, artifact.Path, artifact.Name);
            record.Update(t => t with { Artifacts = [.. t.Artifacts, stored] });
            sink.Line(TaskLogLevel.Info, $"Collected artifact {stored.Filename} ({stored.Length} bytes)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Line(TaskLogLevel.Warning, $"Could not collect artifact {artifact.Name} from {artifact.Path}: {e.Message}");
        }

        return Task.CompletedTask;
    }

    /// <summary>The invocation's folder name within the task, and so its ticket on a tentacle.</summary>
    private static string FolderName(Step step, string targetId) => targetId.Length == 0 ? step.Id : $"{step.Id}-{targetId}";
}
