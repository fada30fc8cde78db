using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The executing task as stored. While a task executes its executor is the only writer of its document, except
/// for a cancel request, which sets Cancelling after stopping the run; so the executor keeps the document in
/// memory and writes it without reading it back first, keeping Cancelling once the run has been canceled.
/// Parallel steps change it from several threads: every change is made under one lock. The log's batches that
/// carry tentacle journal positions are stored through <see cref="StoreLog"/>, with the task, in one write.
/// </summary>
internal sealed class TaskRecord(OctoStore store, TaskSignals signals, ServerTask task, TaskLogWriter log, TaskRun run)
{
    private readonly Lock _gate = new();
    private readonly Lock _starting = new();
    private bool? _resumesAfterStop;

    public ServerTask Current
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set;
    } = task;

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
            saved = change(Current);
            // StoreLog counts a batch's lines before the writer does: never count back.
            saved = saved with { LogLineCount = Math.Max(log.StoredLines, saved.LogLineCount) };
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

    /// <summary>
    /// Stores a batch of the log and the tentacle journal positions its lines reach (per invocation block) in one
    /// write, with the task as it is in memory: after a crash the stored positions match the stored lines exactly.
    /// Called by the log's storing loop (see <see cref="TaskLogWriter.StorePositionsWith"/>).
    /// </summary>
    public void StoreLog(LogChunkBuilder lines, IReadOnlyDictionary<string, long> positions)
    {
        ServerTask saved;
        lock (_gate)
        {
            saved = Current with
            {
                LogLineCount = lines.Count > 0 ? Math.Max(lines.LastSequence, Current.LogLineCount) : Current.LogLineCount,
                Steps = Current.Steps.Select(step => (step.Invocations ?? []).Any(i => positions.ContainsKey(i.Block))
                    ? step with { Invocations = step.Invocations!.Select(i => positions.TryGetValue(i.Block, out var at) && at > i.TentacleSequence ? i with { TentacleSequence = at } : i).ToList() }
                    : step).ToList(),
            };
            if (saved.State == TaskState.Executing && run.Reason == StopReason.Canceled)
            {
                saved = saved with { State = TaskState.Cancelling };
            }

            store.Write(s =>
            {
                if (lines.Count > 0)
                {
                    s.TaskLog.Append(saved.Id, lines);
                }

                s.Tasks.Update(saved);
                return true;
            });
            Current = saved;
        }

        signals.Pulse(saved.Id);
    }

    /// <summary>
    /// Runs the synchronous start of a stage's steps (each up to its first wait), so that
    /// <see cref="ResumesAfterServerStop"/> sees every step the stage starts, or none.
    /// </summary>
    public void StartingSteps(Action start)
    {
        lock (_starting)
        {
            start();
        }
    }

    /// <summary>
    /// Whether this task, stopped because the server is stopping, stays Executing to resume after the restart, so its
    /// tentacle scripts are left running rather than canceled. Decided once, at the first ask, so that all its steps
    /// act alike: yes when each of its running steps is a script step with nothing running on the built-in worker
    /// (that script is killed and the task fails, as ever) or a manual intervention.
    /// </summary>
    public bool ResumesAfterServerStop()
    {
        lock (_starting)
        {
            return _resumesAfterStop ??= Decide(Current);
        }

        static bool Decide(ServerTask task) => task.Steps.Where(s => s.State == TaskStepState.Running).All(step =>
            task.Process.Steps.FirstOrDefault(p => p.Id == step.StepId)?.Kind switch
            {
                StepKind.RunScript => (step.Invocations ?? []).All(i => i.State != TaskStepState.Running || i.WorkerId.Length > 0),
                StepKind.ManualIntervention => true,
                _ => false,
            });
    }

    /// <summary>Changes one step of the task in memory.</summary>
    public void StageStep(string stepId, Func<TaskStep, TaskStep> change) => Stage(t => t with { Steps = WithStep(t.Steps, stepId, change) });

    /// <summary>Changes one step of the task and stores it.</summary>
    public void UpdateStep(string stepId, Func<TaskStep, TaskStep> change) => Update(t => t with { Steps = WithStep(t.Steps, stepId, change) });

    /// <summary>Changes one invocation of a step in memory.</summary>
    public void StageInvocation(string stepId, string block, Func<TaskStepInvocation, TaskStepInvocation> change) =>
        StageStep(stepId, step => step with { Invocations = step.Invocations.Select(i => i.Block == block ? change(i) : i).ToList() });

    /// <summary>Changes one invocation of a step and stores it.</summary>
    public void UpdateInvocation(string stepId, string block, Func<TaskStepInvocation, TaskStepInvocation> change) =>
        UpdateStep(stepId, step => step with { Invocations = step.Invocations.Select(i => i.Block == block ? change(i) : i).ToList() });

    private static List<TaskStep> WithStep(IReadOnlyList<TaskStep> steps, string stepId, Func<TaskStep, TaskStep> change) =>
        steps.Select(s => s.StepId == stepId ? change(s) : s).ToList();
}
