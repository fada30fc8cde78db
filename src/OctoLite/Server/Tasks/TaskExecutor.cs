using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Configuration;
using OctoLite.Server.Projects;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Runs one task to its end: each step of the snapshotted process in order on the built-in worker, with project,
/// system and earlier steps' output variables; records step states, output variables, artifacts and the log;
/// stops on the first failure (later steps are skipped) and ends in exactly one final state.
/// </summary>
internal sealed class TaskExecutor(
    OctoStore store,
    TaskSignals signals,
    ConfigurationService configuration,
    VariableService variables,
    SecretProtector secrets,
    BuiltInWorker builtInWorker,
    ArtifactCollector artifacts,
    TimeProvider time)
{
    /// <summary>Runs the task to its end and returns it as stored at the end.</summary>
    public async Task<ServerTask> ExecuteAsync(ServerTask task, TaskRun run)
    {
        // A task runs once, from Queued: its log is empty until now.
        await using var log = new TaskLogWriter(store, signals, time, task.Id, task.LogLineCount);
        var record = new TaskRecord(store, signals, task, log, run);
        using var timeout = task.Timeout is { } limit ? time.CreateTimer(_ => run.Stop(StopReason.TimedOut), null, limit, Timeout.InfiniteTimeSpan) : null;
        log.Info("", $"{task.Description}: task {task.Id} started on {task.ServerNode}, queued by {task.QueuedBy}");
        if (task.Kind != TaskKind.RunbookRun)
        {
            await FinishAsync(record, log, TaskState.Failed, $"Tasks of kind {task.Kind} cannot run on this server version.");
            return record.Current;
        }

        var scope = Variables(task);
        if (!scope.IsSuccess)
        {
            log.Error("", scope.Problem.Detail);
            await FinishAsync(record, log, TaskState.Failed, scope.Problem.Detail);
            return record.Current;
        }

        var state = TaskState.Success;
        var error = "";
        var number = 0;
        foreach (var step in task.Process.Steps)
        {
            number++;
            if (state != TaskState.Success || run.Token.IsCancellationRequested)
            {
                record.Stage(t => t with { Steps = WithStep(t.Steps, step.Id, x => x with { State = TaskStepState.Skipped }) });
                continue;
            }

            var (outcome, message) = await RunStepAsync(record, step, number, scope.Value, log, run);
            if (outcome != StepOutcome.Success)
            {
                (state, error) = outcome switch
                {
                    StepOutcome.Canceled => StoppedState(run),
                    StepOutcome.TimedOut => (TaskState.TimedOut, $"Step '{step.Name}' timed out: {message}"),
                    _ => (TaskState.Failed, $"Step '{step.Name}' failed: {message}"),
                };
            }
        }

        if (state == TaskState.Success && run.Token.IsCancellationRequested)
        {
            (state, error) = StoppedState(run);
        }

        await FinishAsync(record, log, state, error);
        return record.Current;
    }

    private async Task<(StepOutcome Outcome, string Message)> RunStepAsync(TaskRecord record, Step step, int number, ScriptVariableSet scope, TaskLogWriter log, TaskRun run)
    {
        var task = record.Current;
        var block = step.Id;
        var workerBlock = $"{step.Id}/{BuiltInWorker.DisplayName}";
        var started = time.GetUtcNow();
        // Staged, not written: the write when the script starts (with its process group) carries it.
        var current = record.Stage(t => t with
        {
            LogBlocks = [.. t.LogBlocks, new TaskLogBlock { Id = block, ParentId = "", Name = $"Step {number}: {step.Name}" }, new TaskLogBlock { Id = workerBlock, ParentId = block, Name = $"On the {BuiltInWorker.DisplayName}" }],
            Steps = WithStep(t.Steps, step.Id, x => x with { State = TaskStepState.Running, StartTime = started, Worker = BuiltInWorker.DisplayName }),
        });
        log.Info(block, $"Step {number}: {step.Name}");

        scope.Set("Octopus.Step.Id", step.Id);
        scope.Set("Octopus.Step.Name", step.Name);
        scope.Set("Octopus.Step.Number", number.ToString(CultureInfo.InvariantCulture));
        scope.Set("Octopus.Action.Id", step.Id);
        scope.Set("Octopus.Action.Name", step.Name);
        scope.Set("Octopus.Action.Number", number.ToString(CultureInfo.InvariantCulture));
        scope.Set("Octopus.Action.Script.Syntax", step.Syntax.ToString());

        var sink = new StepLog(log, workerBlock);
        var request = new StepRunRequest
        {
            Syntax = step.Syntax,
            Script = step.Script,
            Variables = new ScriptVariableSet(scope),
            WorkingFolder = "",
            Timeout = step.Timeout,
            Started = processGroup =>
            {
                var startTime = ProcessGroup.StartTime(processGroup);
                record.Update(t => t with { Steps = WithStep(t.Steps, step.Id, x => x with { ProcessGroupId = processGroup, ProcessStartTime = startTime }) });
            },
        };
        var result = await builtInWorker.RunAsync(current, step, request, configuration.Get(), artifact => CollectAsync(record, step.Name, artifact, sink), sink, run.Token);

        var outputs = sink.OutputVariables;
        foreach (var (name, (value, sensitive)) in outputs)
        {
            scope.Set($"Octopus.Action[{step.Name}].Output.{name}", value, sensitive);
        }

        if (result.ExitCode is { } exitCode)
        {
            var code = exitCode.ToString(CultureInfo.InvariantCulture);
            scope.Set($"Octopus.Action[{step.Name}].Output.Octopus.Action.Script.ExitCode", code);
            scope.Set("Octopus.Action.Script.ExitCode", code);
            outputs["Octopus.Action.Script.ExitCode"] = (code, false);
        }

        var stepState = result.Outcome switch
        {
            StepOutcome.Success => TaskStepState.Success,
            StepOutcome.Canceled => TaskStepState.Canceled,
            StepOutcome.TimedOut => TaskStepState.TimedOut,
            _ => TaskStepState.Failed,
        };
        if (result.Outcome != StepOutcome.Success)
        {
            log.Error(block, result.ErrorMessage.Length > 0 ? result.ErrorMessage : $"The step ended {stepState}.");
        }

        // Staged: the next write (the next step's start, or the task's end, moments later) stores it.
        record.Stage(t => t with
        {
            Steps = WithStep(t.Steps, step.Id, x => x with { State = stepState, CompletedTime = time.GetUtcNow(), ExitCode = result.ExitCode, ErrorMessage = result.ErrorMessage, ProcessGroupId = null, ProcessStartTime = null }),
            OutputVariables = [.. t.OutputVariables.Where(v => v.StepName != step.Name || !outputs.ContainsKey(v.Name)),
                .. outputs.Select(o => new OutputVariable { StepName = step.Name, Name = o.Key, IsSensitive = o.Value.Sensitive, Value = o.Value.Sensitive ? secrets.Protect(o.Value.Value) : o.Value.Value })],
        });
        return (result.Outcome, result.ErrorMessage);
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

    private Result<ScriptVariableSet> Variables(ServerTask task)
    {
        var project = variables.ForExecution(task.ProjectId);
        if (!project.IsSuccess)
        {
            return new Problem(404, "Not found", $"The project {task.ProjectId} of this task no longer exists: {project.Problem.Detail}");
        }

        var (projectName, runbookName) = store.Read(s => (s.Projects.Get(task.ProjectId)?.Name ?? task.ProjectId, s.Runbooks.Get(task.RunbookId)?.Name ?? task.RunbookId));
        var scope = new ScriptVariableSet(project.Value.Select(v => new ScriptVariable(v.Name, v.Value ?? "", v.IsSensitive)));
        scope.Set("Octopus.Task.Id", task.Id);
        scope.Set("Octopus.Task.Name", task.Description);
        scope.Set("Octopus.Task.QueuedBy", task.QueuedBy);
        scope.Set("Octopus.Project.Id", task.ProjectId);
        scope.Set("Octopus.Project.Name", projectName);
        scope.Set("Octopus.Runbook.Id", task.RunbookId);
        scope.Set("Octopus.Runbook.Name", runbookName);
        scope.Set("Octopus.Server.Node", task.ServerNode);
        scope.Set("Octopus.Machine.Name", BuiltInWorker.DisplayName);
        scope.Set("Octopus.WorkerPool.Name", "");
        return scope;
    }

    private static (TaskState, string) StoppedState(TaskRun run) => run.Reason switch
    {
        StopReason.TimedOut => (TaskState.TimedOut, "The task timed out and was stopped."),
        StopReason.ServerStopping => (TaskState.Failed, "The server stopped while this task was running; its scripts were stopped. Run it again if needed."),
        _ => (TaskState.Canceled, run.StoppedBy.Length > 0 ? $"Canceled by {run.StoppedBy}." : "Canceled."),
    };

    private async Task FinishAsync(TaskRecord record, TaskLogWriter log, TaskState state, string error)
    {
        var line = state == TaskState.Success ? "The task succeeded." : $"The task ended {state}: {error}";
        log.Write(state == TaskState.Success ? TaskLogLevel.Info : TaskLogLevel.Error, "", line);
        await log.FlushAsync();
        record.Update(t => t with
        {
            State = state,
            CompletedTime = time.GetUtcNow(),
            ErrorMessage = error,
            HasWarningsOrErrors = log.HasWarningsOrErrors,
            Steps = t.Steps.Select(x => x.State is TaskStepState.Pending or TaskStepState.Running ? x with { State = TaskStepState.Skipped } : x).ToList(),
        });
    }

    /// <summary>
    /// The executing task as stored. While a task executes its executor is the only writer of its document, except
    /// for a cancel request, which sets Cancelling after stopping the run; so the executor keeps the document in
    /// memory and writes it without reading it back first, keeping Cancelling once the run has been canceled.
    /// </summary>
    private sealed class TaskRecord(OctoStore store, TaskSignals signals, ServerTask task, TaskLogWriter log, TaskRun run)
    {
        private readonly Lock _gate = new();

        public ServerTask Current { get; private set; } = task;

        /// <summary>Changes the task in memory only; the next <see cref="Update"/> stores it.</summary>
        public ServerTask Stage(Func<ServerTask, ServerTask> change)
        {
            lock (_gate)
            {
                Current = change(Current);
                return Current;
            }
        }

        public ServerTask Update(Func<ServerTask, ServerTask> change)
        {
            ServerTask saved;
            lock (_gate)
            {
                saved = change(Current) with { LogLineCount = log.StoredLines };
                if (saved.State == TaskState.Executing && run.Reason == StopReason.Canceled)
                {
                    saved = saved with { State = TaskState.Cancelling };
                }

                store.Write(s =>
                {
                    s.Tasks.Update(saved);
                    return true;
                });
                Current = saved;
            }

            signals.Pulse(saved.Id);
            return saved;
        }
    }

    private static List<TaskStep> WithStep(IReadOnlyList<TaskStep> steps, string stepId, Func<TaskStep, TaskStep> change) =>
        steps.Select(s => s.StepId == stepId ? change(s) : s).ToList();

    /// <summary>The step's reports, into the task log under the step's worker block.</summary>
    private sealed class StepLog(TaskLogWriter log, string block) : IStepOutput
    {
        public Dictionary<string, (string Value, bool Sensitive)> OutputVariables { get; } = new(StringComparer.Ordinal);

        public void Line(TaskLogLevel level, string text) => log.Write(level, block, text);

        public void Progress(int percentage, string message) => log.Write(TaskLogLevel.Info, block, $"Progress {percentage}%: {message}");

        public void OutputVariable(string name, string value, bool isSensitive) => OutputVariables[name] = (value, isSensitive);
    }
}
