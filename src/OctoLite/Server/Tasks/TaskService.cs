using System.Globalization;
using OctoLite.Domain;
using OctoLite.Server.Audit;
using OctoLite.Server.Projects;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Server tasks as the API and CLI see them: queue a runbook run or a deployment (TaskService.Queue.cs), list, read, cancel, wait, read the log. Running
/// them is the <see cref="TaskEngine"/>'s part.
/// </summary>
internal sealed partial class TaskService(OctoStore store, AuditTrail audit, TaskEngine engine, TaskSignals signals, InterruptionBroker interruptions, TaskWaits waits, TimeProvider time)
{
    public const string DocumentType = "ServerTask";
    public const string IdPrefix = "ServerTasks";
    public const int MaxLogTake = 10_000;

    /// <summary>Tasks, newest first.</summary>
    /// <param name="state">Only tasks in this state (Queued, Executing…), or "Active" (queued, executing or cancelling) / "Completed".</param>
    /// <param name="project">Only tasks of this project (id or name).</param>
    public Result<IReadOnlyList<ServerTask>> List(string? state, string? project) => store.Read<Result<IReadOnlyList<ServerTask>>>(s =>
    {
        Func<ServerTask, bool> stateFilter = _ => true;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (string.Equals(state, "Active", StringComparison.OrdinalIgnoreCase))
            {
                stateFilter = t => !t.IsCompleted;
            }
            else if (string.Equals(state, "Completed", StringComparison.OrdinalIgnoreCase))
            {
                stateFilter = t => t.IsCompleted;
            }
            else if (Enum.TryParse<TaskState>(state, ignoreCase: true, out var wanted) && Enum.IsDefined(wanted))
            {
                stateFilter = t => t.State == wanted;
            }
            else
            {
                return Problem.Invalid("state", $"Unknown task state '{state}'. States: {string.Join(", ", Enum.GetNames<TaskState>())}, Active, Completed.");
            }
        }

        string? projectId = null;
        if (!string.IsNullOrWhiteSpace(project))
        {
            var found = ProjectService.Find(s, project);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            projectId = found.Value.Id;
        }

        return s.Tasks.All()
            .Where(stateFilter)
            .Where(t => projectId is null || t.ProjectId == projectId)
            .OrderByDescending(t => IdNumber(t.Id))
            .Select(Redact)
            .ToList();
    });

    public Result<ServerTask> Find(string id) => store.Read(s => Find(s, id));

    public Result<ServerTask> Cancel(string id, Actor who)
    {
        var result = store.Write<Result<ServerTask>>(s =>
        {
            var found = FindStored(s, id);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            var task = found.Value;
            switch (task.State)
            {
                case TaskState.Queued:
                    // A task queued to resume after a restart has finished steps: they keep their results.
                    var resuming = task.StartTime is not null;
                    var now = time.GetUtcNow();
                    var canceled = task with
                    {
                        State = TaskState.Canceled,
                        CompletedTime = now,
                        ErrorMessage = resuming ? $"Canceled by {who.Name} while it waited to resume." : $"Canceled by {who.Name} before it started.",
                        Steps = task.Steps.Select(step => step.State switch
                        {
                            TaskStepState.Pending => step with { State = TaskStepState.Skipped },
                            TaskStepState.Running => step with { State = TaskStepState.Canceled, CompletedTime = now },
                            _ => step,
                        }).ToList(),
                        Interruptions = (task.Interruptions ?? []).Select(i => i.IsPending
                            ? i with { Result = InterruptionResults.Abort, ResolvedBy = who.Name, Resolved = now, Note = "The task was canceled." }
                            : i).ToList(),
                    };
                    s.Tasks.Update(canceled);
                    canceled = Redact(canceled);
                    audit.Record(s, who, "Canceled", DocumentType, task.Id, $"{task.Description} canceled while queued");
                    return canceled;
                case TaskState.Executing:
                    // Marked inside the store's lock, so the executor's next write keeps Cancelling; stopped below.
                    engine.MarkCanceling(task.Id, who);
                    var cancelling = task with { State = TaskState.Cancelling };
                    s.Tasks.Update(cancelling);
                    cancelling = Redact(cancelling);
                    audit.Record(s, who, "CancelRequested", DocumentType, task.Id, $"{task.Description} cancel requested");
                    return cancelling;
                case TaskState.Cancelling:
                    return Redact(task);
                default:
                    return Problem.Conflict($"Task {task.Id} has already finished ({task.State}); there is nothing to cancel.");
            }
        });
        if (result.IsSuccess)
        {
            engine.Cancel(result.Value.Id, who);
            signals.Pulse(result.Value.Id);
        }

        return result;
    }

    /// <summary>Waits until the task has finished or <paramref name="timeout"/> passes; returns its state either way.</summary>
    public async Task<Result<ServerTask>> WaitAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var changed = signals.Next(NormalizeId(id));
            var task = Find(id);
            if (!task.IsSuccess || task.Value.IsCompleted)
            {
                signals.Forget(NormalizeId(id));
                return task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Find(id);
            }
        }
    }

    public Result<TaskLogPage> ReadLog(string id, long after, int take)
    {
        if (after < 0)
        {
            return Problem.Invalid("after", $"after must be zero or more (got {after}).");
        }

        if (take is < 1 or > MaxLogTake)
        {
            return Problem.Invalid("take", $"take must be between 1 and {MaxLogTake} (got {take}).");
        }

        return store.Read<Result<TaskLogPage>>(s =>
        {
            var found = Find(s, id);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            // The state is read before the lines: a task seen completed has every line stored already.
            var task = found.Value;
            var lines = s.TaskLog.ReadAfter(task.Id, after, take);
            var next = lines.Count > 0 ? lines[^1].Sequence : after;
            var complete = task.IsCompleted && lines.Count < take && next >= task.LogLineCount;
            return new TaskLogPage(task.Id, task.State, lines, next, complete);
        });
    }

    public Result<IReadOnlyList<Artifact>> Artifacts(string id) => store.Read<Result<IReadOnlyList<Artifact>>>(s =>
    {
        var found = Find(s, id);
        return found.IsSuccess ? found.Value.Artifacts.ToList() : found.Problem;
    });

    /// <summary>The task as the API shows it (see <see cref="Redact"/>).</summary>
    public static Result<ServerTask> Find(StoreSession s, string id)
    {
        var stored = FindStored(s, id);
        return stored.IsSuccess ? Redact(stored.Value) : stored;
    }

    /// <summary>The task as stored, sensitive output variables encrypted: for changing it, never for showing it.</summary>
    private static Result<ServerTask> FindStored(StoreSession s, string id) =>
        s.Tasks.Get(NormalizeId(id)) is { } task ? task : new Problem(404, "Not found", $"There is no task '{id}' (task ids look like ServerTasks-12, or just 12).");

    /// <summary>What leaves the server: a sensitive output variable's value (stored encrypted) is never returned.</summary>
    private static ServerTask Redact(ServerTask task) =>
        task.OutputVariables.Any(v => v.IsSensitive)
            ? task with { OutputVariables = task.OutputVariables.Select(v => v.IsSensitive ? v with { Value = null } : v).ToList() }
            : task;

    /// <summary>Accepts "ServerTasks-12", any casing of it, or just "12".</summary>
    public static string NormalizeId(string id)
    {
        var trimmed = id.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return $"{IdPrefix}-{number.ToString(CultureInfo.InvariantCulture)}";
        }

        return trimmed.StartsWith(IdPrefix + "-", StringComparison.OrdinalIgnoreCase) ? IdPrefix + trimmed[IdPrefix.Length..] : trimmed;
    }

    public static long IdNumber(string id) => long.TryParse(id.AsSpan(id.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
