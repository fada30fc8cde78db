using System.Collections.Concurrent;
using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;
using OctoLite.Server.Audit;
using OctoLite.Server.Configuration;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Runs a Run a Script step: once, or once per enabled target in its roles in the task's environment, each
/// invocation on the worker its pool resolves to (a target's default pool overrides the step's). At most
/// MaxParallelism invocations of the step run at once; the step fails if any invocation fails.
/// </summary>
internal sealed class ScriptStep(
    ConfigurationService configuration,
    SecretProtector secrets,
    BuiltInWorker builtInWorker,
    WorkerPlacement placement,
    ArtifactCollector artifacts,
    TimeProvider time,
    TentacleWorker tentacleWorker,
    OctoStore store,
    AuditTrail audit)
{
    // Trust failures audited so far, one event per task, step and worker however many invocations hit it.
    private readonly ConcurrentDictionary<string, bool> _trustFailuresAudited = new(StringComparer.Ordinal);

    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        var onBehalf = step.ExecutionLocation == ExecutionLocation.WorkerPoolOnBehalfOfRoles;
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
        var failures = results.Where(r => r.Outcome != StepOutcome.Success).ToList();
        if (failures.Count == 0)
        {
            return StepOutcomeReport.Success;
        }

        var outcome = failures.Any(f => f.Outcome == StepOutcome.Canceled) ? StepOutcome.Canceled
            : failures.Any(f => f.Outcome == StepOutcome.TimedOut) ? StepOutcome.TimedOut
            : StepOutcome.Failed;
        var message = failures.Count == 1 || !onBehalf ? failures[0].Message : $"{failures.Count} of {targets.Count} invocations failed; first: {failures[0].Message}";
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
        var placed = placement.Place(step.ExecutionLocation, pool);
        if (!placed.IsSuccess)
        {
            sink.Line(TaskLogLevel.Error, placed.Problem.Detail);
            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Failed, ErrorMessage = placed.Problem.Detail, CompletedTime = time.GetUtcNow() });
            return new StepOutcomeReport(StepOutcome.Failed, prefix + placed.Problem.Detail);
        }

        using var placedOn = placed.Value;
        var worker = placedOn.DisplayName;
        var variables = context.VariablesFor(step, number, target, target?.Name ?? worker);
        variables.Set("Octopus.WorkerPool.Id", pool);
        var started = time.GetUtcNow();
        record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Running, StartTime = started, Worker = worker });
        record.StageStep(step.Id, s => s with { Worker = target is null ? worker : s.Worker });
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
        var folder = target is null ? step.Id : $"{step.Id}-{target.Id}";
        var result = placedOn.Worker is { } tentacle
            ? await RunOnTentacleAsync(record, step, tentacle, placedOn.StartRetryLimit, folder, request, sink, run)
            : await builtInWorker.RunAsync(record.Current, folder, request, configuration.Get(), artifact => CollectAsync(record, step.Name, artifact, sink), sink, run.Token);

        var outputs = sink.OutputVariables;
        if (result.ExitCode is { } exitCode)
        {
            outputs["Octopus.Action.Script.ExitCode"] = (exitCode.ToString(CultureInfo.InvariantCulture), false);
        }

        foreach (var (name, (value, sensitive)) in outputs)
        {
            context.AddOutput($"Octopus.Action[{step.Name}].Output.{name}", value, sensitive);
            if (target is not null)
            {
                context.AddOutput($"Octopus.Action[{step.Name}].Output[{target.Name}].{name}", value, sensitive);
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

        var machine = target?.Name ?? "";
        record.Stage(t => t with
        {
            Steps = t.Steps.Select(s => s.StepId != step.Id ? s : s with
            {
                ExitCode = target is null ? result.ExitCode : s.ExitCode,
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

    private async Task<StepRunResult> RunOnTentacleAsync(TaskRecord record, Step step, Worker tentacle, TimeSpan startRetryLimit, string folder, StepRunRequest request, StepLog sink, TaskRun run)
    {
        var ended = await tentacleWorker.RunAsync(tentacle, startRetryLimit, record.Current.Id, folder, request, artifact => CollectAsync(record, step.Name, artifact, sink), sink,
            started: () => record.Update(t => t), run.Token); // stores what was staged once the script runs, as the built-in worker's start does
        if (ended.IsTrustFailure && _trustFailuresAudited.TryAdd($"{record.Current.Id}/{step.Id}/{tentacle.Id}", true))
        {
            store.Write(s =>
            {
                audit.Record(s, Actor.System, "TrustFailure", Pools.WorkerService.DocumentType, tentacle.Id, $"Worker '{tentacle.Name}' refused in task {record.Current.Id}, step '{step.Name}': {ended.Failure!.Message}");
                return true;
            });
        }

        return ended.Result;
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
}
