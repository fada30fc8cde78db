using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The executing task as stored. While a task executes its executor is the only writer of its document, except
/// for a cancel request, which sets Cancelling after stopping the run; so the executor keeps the document in
/// memory and writes it without reading it back first, keeping Cancelling once the run has been canceled.
/// Parallel steps change it from several threads: every change is made under one lock.
/// </summary>
internal sealed class TaskRecord(OctoStore store, TaskSignals signals, ServerTask task, TaskLogWriter log, TaskRun run)
{
    private readonly Lock _gate = new();

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
