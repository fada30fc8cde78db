using System.Globalization;
using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Server.Dispatch;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Script isolation: before a script starts, it takes its step's named mutex on its worker — alone for isolation
/// Full, shared for None (<see cref="ScriptMutexes"/>). While it waits the invocation stays Pending, and its log
/// says who holds the mutex, again whenever that changes; a mutex timeout fails the invocation saying so.
/// </summary>
internal sealed partial class ScriptStep
{
    /// <summary>Waits for the invocation's mutex; returns it held, or how the invocation ended without it.</summary>
    private async Task<(MutexTicket? Held, StepOutcomeReport? Ended)> EnterMutexAsync(
        TaskRecord record, Step step, string block, StepPlacement placedOn, StepLog sink, TaskRun run, string prefix)
    {
        var name = MutexName(step);
        var taskId = record.Current.Id;
        var ticket = mutexes.Enter(placedOn.WorkerId, name, taskId, step.Isolation == ScriptIsolation.Full);
        if (ticket.Granted.IsCompleted)
        {
            return (ticket, null);
        }

        var waitKey = $"mutex:{block}";
        var started = time.GetUtcNow();
        var announced = "";
        // One timer for the whole wait (not one per change of holder), on the server's clock; a stop ends it too.
        var expired = Task.Delay(step.MutexTimeout ?? Timeout.InfiniteTimeSpan, time, run.Token);
        var handedBack = false;
        try
        {
            while (!ticket.Granted.IsCompleted)
            {
                var (holders, ahead, changed) = mutexes.Look(ticket);
                var why = Holders(taskId, holders, ahead);
                var waiting = $"Waiting for the mutex {name} on worker {placedOn.DisplayName}, {why}";
                if (why != announced)
                {
                    sink.Line(TaskLogLevel.Info, waiting + (step.Isolation == ScriptIsolation.Full ? " (this step runs with isolation Full)." : "."));
                    waits.Set(taskId, waitKey, new TaskWaitReason(WaitKind.Mutex, $"Step '{step.Name}': {waiting}.",
                        holders.Concat(ahead).Select(t => t.TaskId).Where(t => t != taskId).Distinct(StringComparer.Ordinal).ToList(), started, step.Name));
                    announced = why;
                }

                if (step.MutexTimeout is { } timeout && time.GetUtcNow() - started >= timeout)
                {
                    var message = $"Timed out after {timeout.ToString("c", CultureInfo.InvariantCulture)} waiting for the mutex {name} on worker {placedOn.DisplayName}, {why}.";
                    sink.Line(TaskLogLevel.Error, message);
                    record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Failed, ErrorMessage = message, CompletedTime = time.GetUtcNow() });
                    return (null, new StepOutcomeReport(StepOutcome.Failed, prefix + message));
                }

                await Task.WhenAny(ticket.Granted, changed, expired);
                if (run.Token.IsCancellationRequested && !ticket.Granted.IsCompleted)
                {
                    if (run.Reason == StopReason.ServerStopping)
                    {
                        return (null, NotStarted); // stays Pending: it starts when the task resumes, if it does
                    }

                    record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Skipped });
                    return (null, new StepOutcomeReport(StepOutcome.Canceled, "The task was stopped while this invocation waited for its mutex."));
                }
            }

            sink.Line(TaskLogLevel.Info, $"Took the mutex {name} on worker {placedOn.DisplayName} after waiting {Elapsed(time.GetUtcNow() - started)}.");
            handedBack = true;
            return (ticket, null);
        }
        finally
        {
            waits.Clear(taskId, waitKey);
            if (!handedBack)
            {
                ticket.Dispose(); // ended without it (timeout, cancel, or a failure while waiting): never left queued
            }
        }
    }

    /// <summary>The step's mutex name, or the default one.</summary>
    internal static string MutexName(Step step) => step.MutexName?.Trim() is { Length: > 0 } name ? name : Step.DefaultMutexName;

    /// <summary>"held by ServerTasks-3, ServerTasks-4 (this task)", or who it queues behind when nobody holds it.</summary>
    private static string Holders(string taskId, IReadOnlyList<MutexTicket> holders, IReadOnlyList<MutexTicket> ahead)
    {
        static string Name(MutexTicket t, string self) => t.TaskId == self ? $"{t.TaskId} (this task)" : t.TaskId;
        var held = "held by " + string.Join(", ", holders.Select(h => Name(h, taskId)).Distinct(StringComparer.Ordinal));
        return ahead.Count == 0 ? held : $"{held}; queued behind {string.Join(", ", ahead.Select(h => Name(h, taskId)).Distinct(StringComparer.Ordinal))}";
    }

    private static string Elapsed(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
