using OctoLite.Domain;

namespace OctoLite.Server.Tasks;

/// <summary><c>task why</c>: what holds a task back now, from the queue, its leases, its mutexes and its interventions.</summary>
internal sealed partial class TaskService
{
    public Result<TaskWhy> Why(string id)
    {
        var found = Find(id);
        if (!found.IsSuccess)
        {
            return found.Problem;
        }

        var task = found.Value;
        return new TaskWhy(task.Id, task.State, task.State switch
        {
            _ when task.IsCompleted => [new TaskWaitReason(WaitKind.Finished,
                $"The task has finished: {task.State}{(task.ErrorMessage.Length > 0 ? $" ({task.ErrorMessage})" : "")}.", [], task.CompletedTime)],
            TaskState.Queued => engine.QueueReasons(task.Id, task.QueueTime, waits.IsWaiting),
            TaskState.Cancelling => [new TaskWaitReason(WaitKind.Cancelling, "A cancel was asked for: its scripts are being stopped.", [], null)],
            _ => Executing(task),
        });
    }

    private List<TaskWaitReason> Executing(ServerTask task)
    {
        var reasons = waits.Of(task.Id).ToList();
        reasons.AddRange((task.Interruptions ?? []).Where(i => i.IsPending).Select(i => new TaskWaitReason(WaitKind.ManualIntervention,
            $"Step '{i.StepName}' awaits a manual intervention ({i.Id}): `octolite task approve {task.Id}` or `octolite task abort {task.Id}`.", [], i.Created, i.StepName)));
        if (reasons.Count > 0)
        {
            return reasons;
        }

        var running = task.Steps.Where(s => s.State == TaskStepState.Running).ToList();
        var doing = running.Count == 0 ? "between steps" : string.Join("; ", running.Select(s => $"step '{s.Name}'" + (s.Worker.Length > 0 ? $" on {s.Worker}" : "")));
        return [new TaskWaitReason(WaitKind.Running, $"Nothing holds it: it is running ({doing}).", [], task.StartTime)];
    }
}
