namespace OctoLite.Server.Tasks;

/// <summary>Why a queued task has not started: what <c>task why</c> reports for the queue.</summary>
internal sealed partial class TaskEngine
{
    /// <summary>
    /// What keeps a queued task in the queue now: the node drained, the task cap reached (naming the executing tasks,
    /// and how many of them only wait for a worker or a mutex) or, for a Health task, every health slot taken, a task
    /// holding its concurrency tag, tasks of its kind ahead of it.
    /// </summary>
    /// <param name="isWaiting">Whether an executing task waits for a worker lease or a mutex.</param>
    public List<TaskWaitReason> QueueReasons(string taskId, DateTimeOffset queued, Func<string, bool> isWaiting)
    {
        var configuration = _configuration.Get();
        var reasons = new List<TaskWaitReason>();
        lock (_gate)
        {
            if (!_queued.TryGetValue(taskId, out var entry))
            {
                return [new TaskWaitReason(WaitKind.Queue, "It is starting now.", [], queued)];
            }

            var (tag, isHealth) = entry;
            if (configuration.IsDraining)
            {
                reasons.Add(new TaskWaitReason(WaitKind.Draining, "This node is drained: it starts no queued task until `octolite server drain --off`.", [], queued));
            }

            // Health tasks and the others have slots of their own: each waits only for its kind.
            var executing = _running.Values.Where(r => r.IsHealth == isHealth).Select(r => r.TaskId).Order(StringComparer.Ordinal).OrderBy(TaskService.IdNumber).ToList();
            var healthSlots = Math.Max(1, _health.TaskSlots);
            if (isHealth && executing.Count >= healthSlots)
            {
                reasons.Add(new TaskWaitReason(WaitKind.TaskCap,
                    $"Health tasks run in {healthSlots} slot(s) of their own, beside the task cap, and all are taken: {string.Join(", ", executing)}.", executing, queued));
            }
            else if (!isHealth && executing.Count >= configuration.TaskCap)
            {
                var waiting = executing.Count(isWaiting);
                reasons.Add(new TaskWaitReason(WaitKind.TaskCap,
                    $"The task cap ({configuration.TaskCap}) is reached: {executing.Count} task(s) are executing ({string.Join(", ", executing)})"
                    + (waiting > 0 ? $", {waiting} of them waiting for a worker or a mutex." : ".") + " Raise it with `octolite config set taskCap N`.",
                    executing, queued));
            }

            if (tag.Length > 0 && _running.Values.FirstOrDefault(r => r.ConcurrencyTag == tag) is { } holder)
            {
                reasons.Add(new TaskWaitReason(WaitKind.ConcurrencyTag,
                    $"Waiting for {holder.TaskId} to finish: tasks with the concurrency tag '{tag}' run one at a time.", [holder.TaskId], queued));
            }

            var ahead = _queue.TakeWhile(id => id != taskId).Where(id => _queued[id].IsHealth == isHealth).ToList();
            if (ahead.Count > 0)
            {
                reasons.Add(new TaskWaitReason(WaitKind.Queue, $"{ahead.Count} task(s) queued before it start first when they can: {string.Join(", ", ahead.Take(10))}{(ahead.Count > 10 ? ", …" : "")}.", ahead, queued));
            }

            if (reasons.Count == 0)
            {
                reasons.Add(new TaskWaitReason(WaitKind.Queue, "Nothing holds it: it starts at once.", [], queued));
            }
        }

        return reasons;
    }
}
