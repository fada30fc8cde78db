using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Health;
using OctoLite.Server.Projects;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Runs one task to its end. The process is run in stages: a step that starts with the previous one joins its
/// stage, and the steps of a stage run side by side. Before each step its condition is weighed against what failed
/// so far (Success, Failure, Always, or a variable expression); a step left out is Skipped. Records step states,
/// output variables, artifacts and the log, and ends the task in exactly one final state. A task resumed after a
/// restart (one that was awaiting a manual intervention or following scripts on tentacles) keeps what its finished
/// steps did and goes on from there; when the server stops, such a task stays Executing instead of ending, and a
/// task still waiting for its workers goes back to the queue. A Health task has no process: the
/// <see cref="HealthCheckRunner"/> runs it.
/// </summary>
internal sealed class TaskExecutor(
    OctoStore store,
    TaskSignals signals,
    VariableService variables,
    SecretProtector secrets,
    ScriptStep scripts,
    WorkerPlacement placement,
    InServerSteps inServer,
    HealthCheckRunner health,
    TimeProvider time)
{
    /// <summary>Runs the task to its end and returns it as stored at the end.</summary>
    public async Task<ServerTask> ExecuteAsync(ServerTask task, TaskRun run)
    {
        await using var log = new TaskLogWriter(store, signals, time, task.Id, task.LogLineCount);
        var record = new TaskRecord(store, signals, task, log, run);
        log.StorePositionsWith(record.StoreLog);
        // A resumed task has used part of its time before the restart.
        var remaining = task.Timeout is { } limit ? limit - (task.StartTime is { } started ? time.GetUtcNow() - started : TimeSpan.Zero) : (TimeSpan?)null;
        using var timeout = remaining is { } left ? time.CreateTimer(_ => run.Stop(StopReason.TimedOut), null, left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan) : null;
        var resumed = task.Steps.Any(s => s.State != TaskStepState.Pending);
        log.Info("", resumed
            ? $"{task.Description}: task {task.Id} resumed on {task.ServerNode}; finished steps keep their results"
            : $"{task.Description}: task {task.Id} started on {task.ServerNode}, queued by {task.QueuedBy}");
        if (task.Kind == TaskKind.Health)
        {
            var (healthState, healthError) = await health.RunAsync(record, log, run);
            var (ended, why) = run.Token.IsCancellationRequested ? StoppedState(run) : (healthState, healthError);
            await FinishAsync(record, log, ended, why);
            return record.Current;
        }

        if (task.Kind is not (TaskKind.RunbookRun or TaskKind.Deploy))
        {
            await FinishAsync(record, log, TaskState.Failed, $"Tasks of kind {task.Kind} cannot run on this server version.");
            return record.Current;
        }

        var context = Context(task);
        if (!context.IsSuccess)
        {
            log.Error("", context.Problem.Detail);
            await FinishAsync(record, log, TaskState.Failed, context.Problem.Detail);
            return record.Current;
        }

        Restore(context.Value, task);
        var leased = await placement.LeaseAsync(record, context.Value, log, run);
        if (!leased.IsSuccess && run.Reason == StopReason.ServerStopping && run.Token.IsCancellationRequested)
        {
            // Nothing of it ran while it waited: it goes back to the queue, and starts again when the server does.
            log.Write(TaskLogLevel.Warning, "", "The server is stopping while this task waits for a worker: it is queued again, and starts when the server starts again.");
            await log.FlushAsync();
            record.Update(t => t with { State = TaskState.Queued });
            return record.Current;
        }

        if (!leased.IsSuccess)
        {
            // Canceled or timed out while it waited, or no worker within the lease timeout.
            var (stopped, why) = run.Token.IsCancellationRequested ? StoppedState(run) : (TaskState.Failed, leased.Problem.Detail);
            await FinishAsync(record, log, stopped, why);
            return record.Current;
        }

        using var workers = leased.Value;
        context.Value.Workers = workers;
        var numbers = task.Process.Steps.Select((step, i) => (step.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);
        var firstFailure = task.Steps.FirstOrDefault(s => s.State is TaskStepState.Failed or TaskStepState.TimedOut) is { } failed ? $"Step '{failed.Name}' failed: {failed.ErrorMessage}" : "";
        var timedOut = task.Steps.FirstOrDefault(s => s.State == TaskStepState.TimedOut) is { } late ? $"Step '{late.Name}' timed out: {late.ErrorMessage}" : "";
        context.Value.Failure = firstFailure;
        var suspended = new List<string>();
        foreach (var stage in Stages(task.Process.Steps))
        {
            // Only a stop of the whole task (cancel, task timeout, shutdown) ends the run early: after a failed or
            // timed-out step, steps whose condition is Failure or Always still run.
            if (run.Token.IsCancellationRequested)
            {
                break;
            }

            var anyFailed = firstFailure.Length > 0;
            var running = new List<Task<(Step Step, StepOutcomeReport Report)>>();
            record.StartingSteps(() =>
            {
                foreach (var step in stage)
                {
                    if (Decide(record, context.Value, step, numbers[step.Id], anyFailed, log))
                    {
                        running.Add(RunStepAsync(record, context.Value, step, numbers[step.Id], log, run));
                    }
                }
            });

            foreach (var (step, report) in await Task.WhenAll(running))
            {
                if (report.Suspended)
                {
                    suspended.Add(step.Id);
                }

                if (report.Outcome == StepOutcome.TimedOut && !run.Token.IsCancellationRequested && timedOut.Length == 0)
                {
                    timedOut = $"Step '{step.Name}' timed out: {report.Message}";
                }

                if (report.Outcome is StepOutcome.Failed or StepOutcome.TimedOut && !run.Token.IsCancellationRequested && firstFailure.Length == 0)
                {
                    firstFailure = report.Outcome == StepOutcome.TimedOut ? timedOut : $"Step '{step.Name}' failed: {report.Message}";
                    context.Value.Failure = firstFailure;
                }
            }
        }

        if (suspended.Count > 0 && record.Current.Steps.All(s => suspended.Contains(s.StepId) || s.State is not (TaskStepState.Canceled or TaskStepState.Running)))
        {
            // Only interventions were waiting, and scripts on tentacles left running: the task stays Executing and the
            // next start queues it to resume.
            log.Write(TaskLogLevel.Warning, "", "The server is stopping while this task awaits a manual intervention or runs scripts on tentacles; it will resume when the server starts again.");
            await log.FlushAsync();
            record.Update(t => t);
            return record.Current;
        }

        var (state, error) = run.Token.IsCancellationRequested ? StoppedState(run)
            : timedOut.Length > 0 ? (TaskState.TimedOut, timedOut)
            : firstFailure.Length > 0 ? (TaskState.Failed, firstFailure)
            : (TaskState.Success, "");
        await FinishAsync(record, log, state, error);
        return record.Current;
    }

    /// <summary>Whether the step runs now; a step that does not is marked Skipped with the reason in the log.</summary>
    private bool Decide(TaskRecord record, TaskContext context, Step step, int number, bool anyFailed, TaskLogWriter log)
    {
        var current = record.Current.Steps.FirstOrDefault(s => s.StepId == step.Id);
        if (current is null || current.State is not (TaskStepState.Pending or TaskStepState.Running))
        {
            return false; // finished before a restart
        }

        string? reason = null;
        if ((record.Current.SkippedStepIds ?? []).Contains(step.Id))
        {
            reason = "it was chosen to be skipped when the task was queued";
        }
        else if (StepRules.Runs(step.Condition, anyFailed) is { } runs)
        {
            reason = runs ? null : anyFailed ? "an earlier step failed" : "it runs only when an earlier step has failed";
        }
        else
        {
            var expanded = VariableSubstitution.Substitute(step.Condition, context.VariablesFor(step, number, null, ""));
            if (expanded.UnknownVariables.Count > 0 || expanded.UnsupportedExpressions.Count > 0)
            {
                log.Write(TaskLogLevel.Warning, "", $"Step '{step.Name}': its condition {step.Condition} could not be evaluated ({string.Join(", ", expanded.UnknownVariables.Concat(expanded.UnsupportedExpressions))}); it counts as false.");
                reason = "its condition could not be evaluated";
            }
            else if (!StepRules.IsTruthy(expanded.Text))
            {
                reason = $"its condition {step.Condition} is false";
            }
        }

        if (reason is null)
        {
            return true;
        }

        log.Info("", $"Step {number}: {step.Name} is skipped: {reason}.");
        record.StageStep(step.Id, s => s with { State = TaskStepState.Skipped, ErrorMessage = $"Skipped: {reason}." });
        return false;
    }

    private async Task<(Step, StepOutcomeReport)> RunStepAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        var started = time.GetUtcNow();
        record.Stage(t => t with
        {
            LogBlocks = t.LogBlocks.Any(b => b.Id == step.Id) ? t.LogBlocks : [.. t.LogBlocks, new TaskLogBlock { Id = step.Id, ParentId = "", Name = $"Step {number}: {step.Name}" }],
            Steps = t.Steps.Select(s => s.StepId != step.Id ? s : s with
            {
                State = TaskStepState.Running,
                StartTime = s.StartTime ?? started,
                Worker = step.Kind == StepKind.RunScript ? s.Worker : "server",
            }).ToList(),
        });
        log.Info(step.Id, $"Step {number}: {step.Name}");
        StepOutcomeReport report;
        try
        {
            report = step.Kind == StepKind.RunScript
                ? await scripts.RunAsync(record, context, step, number, log, run)
                : await inServer.RunAsync(record, context, step, number, log, run);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error(step.Id, $"The step failed inside the server: {e.Message}");
            report = new StepOutcomeReport(StepOutcome.Failed, $"The step failed inside the server: {e.Message}");
        }

        var state = report.Outcome switch
        {
            StepOutcome.Success => TaskStepState.Success,
            StepOutcome.Canceled => TaskStepState.Canceled,
            StepOutcome.TimedOut => TaskStepState.TimedOut,
            _ => TaskStepState.Failed,
        };
        if (report.Suspended)
        {
            return (step, report);
        }

        // Staged: the next write (another step's start, or the task's end, moments later) stores it.
        record.StageStep(step.Id, s => s.State == TaskStepState.Skipped ? s : s with { State = state, CompletedTime = time.GetUtcNow(), ErrorMessage = report.Message });
        return (step, report);
    }

    /// <summary>Steps grouped by start trigger: a step that starts with the previous one runs in that step's stage.</summary>
    private static List<List<Step>> Stages(IReadOnlyList<Step> steps)
    {
        var stages = new List<List<Step>>();
        foreach (var step in steps)
        {
            if (step.StartTrigger == StartTrigger.StartWithPrevious && stages.Count > 0)
            {
                stages[^1].Add(step);
            }
            else
            {
                stages.Add([step]);
            }
        }

        return stages;
    }

    private Result<TaskContext> Context(ServerTask task) => store.Read<Result<TaskContext>>(s =>
    {
        var project = s.Projects.Get(task.ProjectId);
        if (project is null)
        {
            return new Problem(404, "Not found", $"The project {task.ProjectId} of this task no longer exists.");
        }

        DeploymentEnvironment? environment = null;
        if (task.EnvironmentId.Length > 0 && (environment = s.Environments.Get(task.EnvironmentId)) is null)
        {
            return new Problem(404, "Not found", $"The environment {task.EnvironmentId} of this task no longer exists.");
        }

        Release? release = null;
        if (task.Kind == TaskKind.Deploy && (release = s.Releases.Get(task.ReleaseId)) is null)
        {
            return new Problem(404, "Not found", $"The release {task.ReleaseId} of this deployment no longer exists.");
        }

        var stored = release?.Variables ?? VariableService.Stored(s, project.Id);
        var targets = environment is null ? [] : s.Targets.All().Where(t => !t.IsDisabled && t.EnvironmentIds.Contains(environment.Id)).ToList();
        return new TaskContext
        {
            Task = task,
            Project = project,
            Environment = environment,
            Release = release,
            Runbook = task.RunbookId.Length > 0 ? s.Runbooks.Get(task.RunbookId) : null,
            Targets = targets,
            Variables = variables.Decrypt(stored),
        };
    });

    /// <summary>A resumed task's finished steps' outputs are visible to the steps still to run.</summary>
    private void Restore(TaskContext context, ServerTask task)
    {
        foreach (var output in task.OutputVariables)
        {
            var value = output.IsSensitive ? secrets.Unprotect(output.Value ?? "") : output.Value ?? "";
            if (output.MachineName.Length > 0)
            {
                // As in the live run: a per-target value is also the step's value (the last target's wins).
                context.AddOutput($"Octopus.Action[{output.StepName}].Output.{output.Name}", value, output.IsSensitive);
            }

            context.AddOutput(output.FullName, value, output.IsSensitive);
        }

        inServer.Restore(context, task);
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
            HasWarningsOrErrors = t.HasWarningsOrErrors || log.HasWarningsOrErrors,
            Steps = t.Steps.Select(x => x.State is TaskStepState.Pending or TaskStepState.Running ? x with { State = TaskStepState.Skipped } : x).ToList(),
        });
    }
}
