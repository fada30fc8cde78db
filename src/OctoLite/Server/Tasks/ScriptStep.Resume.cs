using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// A script step across a server restart. When the server stops, a script on a tentacle is left running (no cancel
/// is sent), and an invocation not started yet stays Pending. When the task resumes, invocations that had ended keep
/// their results, scripts left running are followed again on the same worker under the same ticket from the journal
/// entry the log ends at, and Pending ones start.
/// </summary>
/// <remarks>
/// A resumed script's timeout needs no adjusting: the tentacle enforces the step's timeout from the script's own
/// start, so the time it ran before the restart (and during it) counts.
/// </remarks>
internal sealed partial class ScriptStep
{
    /// <summary>An invocation the server stopped before it started: it stays Pending and starts when the task resumes.</summary>
    private static readonly StepOutcomeReport NotStarted = new(StepOutcome.Canceled, "The server stopped before this invocation started.") { Suspended = true };

    private async Task<StepOutcomeReport> ResumeAsync(
        TaskRecord record, TaskContext context, Step step, int number, IReadOnlyList<TaskStepInvocation> recorded, bool onBehalf, TaskLogWriter log, TaskRun run)
    {
        var limit = recorded.Count == 1 ? 1 : context.MaxParallelism(step, context.VariablesFor(step, number, null, ""));
        using var gate = new SemaphoreSlim(limit, limit);
        // Scripts still running take their places at the gate first: they were within the limit when the server stopped.
        var following = recorded.Where(Reattaches).Select(i => FollowAgainAsync(record, context, step, i, gate, log, run));
        var others = recorded.Where(i => !Reattaches(i)).Select(i => ResumeInvocationAsync(record, context, step, number, i, gate, log, run));
        var results = await Task.WhenAll(following.Concat(others).ToList());
        return Outcome(results, onBehalf);
    }

    private static bool Reattaches(TaskStepInvocation invocation) =>
        invocation is { State: TaskStepState.Running, Ticket.Length: > 0, WorkerId.Length: > 0 };

    /// <summary>An invocation that was not running on a tentacle when the server stopped: its result stands, or it starts now.</summary>
    private Task<StepOutcomeReport> ResumeInvocationAsync(
        TaskRecord record, TaskContext context, Step step, int number, TaskStepInvocation invocation, SemaphoreSlim gate, TaskLogWriter log, TaskRun run)
    {
        var prefix = invocation.TargetName.Length == 0 ? "" : $"{invocation.TargetName}: ";
        switch (invocation.State)
        {
            case TaskStepState.Success:
                return Task.FromResult(StepOutcomeReport.Success);
            case TaskStepState.Failed or TaskStepState.TimedOut or TaskStepState.Canceled or TaskStepState.Skipped:
                var outcome = invocation.State switch
                {
                    TaskStepState.Failed => StepOutcome.Failed,
                    TaskStepState.TimedOut => StepOutcome.TimedOut,
                    _ => StepOutcome.Canceled,
                };
                return Task.FromResult(new StepOutcomeReport(outcome, prefix + invocation.ErrorMessage));
        }

        DeploymentTarget? target = null;
        if (invocation.TargetId.Length > 0 && (target = context.Targets.FirstOrDefault(t => t.Id == invocation.TargetId)) is null)
        {
            var message = $"The target {invocation.TargetName} ({invocation.TargetId}) is no longer an enabled target of this environment, so this invocation, not started before the server restarted, cannot start.";
            new StepLog(log, invocation.Block).Line(TaskLogLevel.Error, message);
            record.StageInvocation(step.Id, invocation.Block, i => i with { State = TaskStepState.Failed, ErrorMessage = message, CompletedTime = time.GetUtcNow() });
            return Task.FromResult(new StepOutcomeReport(StepOutcome.Failed, prefix + message));
        }

        // Not started, or started where nothing survives a restart (never recorded as such: that task is not resumed).
        return RunInvocationAsync(record, context, step, number, target, invocation.Block, gate, log, run);
    }

    /// <summary>Follows again a script a previous server process left running on a tentacle.</summary>
    private async Task<StepOutcomeReport> FollowAgainAsync(
        TaskRecord record, TaskContext context, Step step, TaskStepInvocation invocation, SemaphoreSlim gate, TaskLogWriter log, TaskRun run)
    {
        var prefix = invocation.TargetName.Length == 0 ? "" : $"{invocation.TargetName}: ";
        // Taken back when the task started (WorkerPlacement.LeaseAsync); given back with this follow, however it ends.
        using var reclaimed = context.Workers?.TakeReclaimed(invocation.Block);
        var sink = new StepLog(log, invocation.Block);
        var folder = FolderName(step, invocation.TargetId);
        var placed = TentacleWorker.Ticket(record.Current.Id, folder) == invocation.Ticket
            ? placement.Rejoin(invocation.WorkerId, invocation.Worker)
            : new Problem(409, "Ticket mismatch", $"The script was started as ticket {invocation.Ticket}, which this server version cannot follow (it would ask for {TentacleWorker.Ticket(record.Current.Id, folder)}); its outcome is unknown.");
        if (!placed.IsSuccess)
        {
            var problem = placed.Problem.Detail;
            sink.Line(TaskLogLevel.Error, problem);
            record.StageInvocation(step.Id, invocation.Block, i => i with { State = TaskStepState.Failed, ErrorMessage = problem, CompletedTime = time.GetUtcNow() });
            return new StepOutcomeReport(StepOutcome.Failed, prefix + problem);
        }

        await gate.WaitAsync(CancellationToken.None); // free: the recorded running scripts come first, within the limit
        try
        {
            var placedOn = placed.Value;
            // The script kept running through the restart: it holds its mutex again at once, whoever else does.
            using var held = reclaimed ?? mutexes.Reclaim(placedOn.WorkerId, MutexName(step), record.Current.Id, step.Isolation == ScriptIsolation.Full);
            sink.Line(TaskLogLevel.Info, $"The server restarted while this script ran on {placedOn.DisplayName}: following it again (ticket {invocation.Ticket}); its log goes on after journal entry {invocation.TentacleSequence}.");
            // Not sent (the script is not started again): the tentacle has the script, its variables and its timeout.
            var request = new StepRunRequest { Syntax = step.Syntax, Script = step.Script, Variables = new ScriptVariableSet(), WorkingFolder = "", Timeout = step.Timeout };
            var ended = await RunOnTentacleAsync(record, step, placedOn.Worker!, placedOn.StartRetryLimit, folder, request, sink, run,
                new TentacleFollowing(invocation.TentacleSequence, DetachOnStop(record, run)), () => { });
            return ended.IsDetached
                ? Detached(record, step, invocation.Block, placedOn.DisplayName, accepted: true, sink)
                : Finish(record, context, step, invocation.Block, invocation.TargetName, ended.Result, sink, prefix);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Asked by a tentacle run when the task is stopped: leave the script running when the server stops and the task will resume.</summary>
    private static Func<bool> DetachOnStop(TaskRecord record, TaskRun run) =>
        () => run.Reason == StopReason.ServerStopping && record.ResumesAfterServerStop();

    /// <summary>
    /// The server is stopping and left the invocation's script running (it stays Running, with its ticket and journal
    /// position) — or, when the tentacle had not accepted it yet, made sure nothing of it runs (it goes back to Pending).
    /// </summary>
    private StepOutcomeReport Detached(TaskRecord record, Step step, string block, string worker, bool accepted, StepLog sink)
    {
        if (!accepted)
        {
            record.StageInvocation(step.Id, block, i => i with { State = TaskStepState.Pending, StartTime = null, Worker = "", WorkerId = "", Ticket = "" });
            return NotStarted;
        }

        sink.Line(TaskLogLevel.Warning, $"The server is stopping: the script keeps running on {worker}, and is followed again when the server starts.");
        return new StepOutcomeReport(StepOutcome.Canceled, "The server stopped while this step's script ran on a tentacle; it is followed again after the restart.") { Suspended = true };
    }
}
