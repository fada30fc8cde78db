using OctoLite.Domain;
using OctoLite.Scripting.Processes;

namespace OctoLite.Server.Tasks;

/// <summary>Reconciling at start what a previous server process left: tasks that can resume are queued again, the others end.</summary>
internal sealed partial class TaskEngine
{
    /// <summary>
    /// Ends what a previous server process left running; returns the queued tasks (ids, tags, kinds) in queue order,
    /// tasks resuming (a manual intervention, scripts on tentacles) first, since they held their place before the restart.
    /// </summary>
    private List<(string Id, string Tag, TaskKind Kind)> Reconcile()
    {
        var reconciled = new List<string>();
        var queued = _store.Write(s =>
        {
            var queue = new List<ServerTask>();
            var resuming = new List<ServerTask>();
            foreach (var task in s.Tasks.All())
            {
                switch (task.State)
                {
                    case TaskState.Queued:
                        queue.Add(task);
                        break;
                    case TaskState.Executing when Resumable(task) is { } notes:
                        var resumeAt = s.TaskLog.LastSequence(task.Id);
                        s.TaskLog.Append(task.Id, notes.Select(note => Line(++resumeAt, TaskLogLevel.Warning, note)).ToList());
                        var requeued = task with { State = TaskState.Queued, LogLineCount = resumeAt };
                        s.Tasks.Update(requeued);
                        resuming.Add(requeued);
                        break;
                    case TaskState.Executing or TaskState.Cancelling:
                        var state = task.State == TaskState.Cancelling ? TaskState.Canceled : TaskState.Failed;
                        var message = $"The server restarted while this task was running (it was {task.State} on {task.ServerNode}); it cannot continue, and none of its scripts is left running. Run it again if needed.";
                        var lastLine = s.TaskLog.LastSequence(task.Id);
                        var lines = StopLeftoverScripts(task).Select(note => Line(++lastLine, TaskLogLevel.Warning, note)).ToList();
                        lines.Add(Line(++lastLine, TaskLogLevel.Error, message));
                        s.TaskLog.Append(task.Id, lines);
                        s.Tasks.Update(Ended(task, state, message, lastLine));
                        reconciled.Add(task.Id);
                        break;
                }
            }

            return resuming.Concat(queue).OrderBy(t => t.StartTime is null).ThenBy(t => t.QueueTime).ThenBy(t => TaskService.IdNumber(t.Id))
                .Select(t => (t.Id, t.ConcurrencyTag ?? "", t.Kind)).ToList();
        });
        foreach (var id in reconciled)
        {
            LogReconciled(_logger, id);
        }

        return queued;
    }

    /// <summary>
    /// A server that died (SIGKILL, power) leaves its scripts running in their own process groups. Each running step
    /// recorded its group and its leader's start time: a leader still there with the same start time is that
    /// script (pids are reused, start times are not), so its whole group is killed.
    /// </summary>
    private static IEnumerable<string> StopLeftoverScripts(ServerTask task)
    {
        foreach (var step in task.Steps)
        {
            var groups = (step.Invocations ?? []).Select(i => (i.ProcessGroupId, i.ProcessStartTime, Where: i.TargetName.Length > 0 ? $" on behalf of {i.TargetName}" : ""))
                .Append((step.ProcessGroupId, step.ProcessStartTime, Where: ""));
            foreach (var (groupId, startTime, where) in groups)
            {
                if (groupId is { } group && startTime is { } started && ProcessGroup.StartTime(group) == started)
                {
                    ProcessGroup.SignalGroup(group, ProcessGroup.Kill);
                    yield return $"Step '{step.Name}'{where}: its script (process group {group}) was still running after the restart and has been killed.";
                }
            }
        }
    }

    /// <summary>
    /// Whether a task that was executing lost nothing when the server stopped, so it can resume: each of its running
    /// steps is a manual intervention still awaiting an answer (no script of it runs), or a script step whose running
    /// invocations all run on tentacles, recorded with their worker and ticket (the scripts keep running there and are
    /// followed again; nothing of it ran on the built-in worker). Returns the lines its log gets, or null.
    /// </summary>
    private static List<string>? Resumable(ServerTask task)
    {
        var running = task.Steps.Where(s => s.State == TaskStepState.Running).ToList();
        if (running.Count == 0)
        {
            return null;
        }

        var awaiting = false;
        var following = new List<string>();
        foreach (var step in running)
        {
            switch (task.Process.Steps.FirstOrDefault(p => p.Id == step.StepId)?.Kind)
            {
                case StepKind.ManualIntervention when (task.Interruptions ?? []).Any(i => i.StepId == step.StepId):
                    awaiting = true;
                    break;
                case StepKind.RunScript when step.ProcessGroupId is null && (step.Invocations ?? []).Where(i => i.State == TaskStepState.Running)
                    .All(i => i is { Ticket.Length: > 0, WorkerId.Length: > 0, ProcessGroupId: null }):
                    following.AddRange((step.Invocations ?? []).Where(i => i.State == TaskStepState.Running).Select(i =>
                        $"The server restarted while step '{step.Name}'{(i.TargetName.Length > 0 ? $" on behalf of {i.TargetName}" : "")} ran on tentacle {i.Worker}; it resumes following it (ticket {i.Ticket}) from journal entry {i.TentacleSequence}."));
                    break;
                default:
                    return null;
            }
        }

        var notes = new List<string>();
        if (awaiting)
        {
            notes.Add("The server restarted while this task was awaiting a manual intervention; it resumes waiting, and finished steps keep their results.");
        }

        notes.AddRange(following);
        if (following.Count > 0 || !awaiting)
        {
            notes.Add("The task resumes; finished steps keep their results.");
        }

        return notes;
    }
}
