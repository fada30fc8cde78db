using OctoLite.Domain;
using OctoLite.Server.Security;

namespace OctoLite.Server.Tasks;

/// <summary>Manual interventions: proceed or abort the one a task awaits.</summary>
internal sealed partial class TaskService
{
    public const int MaxNoteLength = 4000;

    /// <param name="result"><see cref="InterruptionResults.Proceed"/> or <see cref="InterruptionResults.Abort"/>.</param>
    /// <param name="interruptionId">Which one, when the task awaits several (parallel steps); optional otherwise.</param>
    public Result<Interruption> ResolveInterruption(string taskId, string result, string? interruptionId, string? note, Actor who)
    {
        if (result is not (InterruptionResults.Proceed or InterruptionResults.Abort))
        {
            return Problem.Invalid("Result", $"Result must be {InterruptionResults.Proceed} or {InterruptionResults.Abort} (got '{result}').");
        }

        if ((note ?? "").Length > MaxNoteLength)
        {
            return Problem.Invalid("Note", $"Note must be at most {MaxNoteLength} characters.");
        }

        return store.Write<Result<Interruption>>(s =>
        {
            var found = FindStored(s, taskId);
            if (!found.IsSuccess)
            {
                return found.Problem;
            }

            var task = found.Value;
            var pending = (task.Interruptions ?? []).Where(i => i.IsPending).ToList();
            if (task.State is not (TaskState.Executing or TaskState.Queued) || pending.Count == 0 || engine.IsStopping(task.Id))
            {
                return Problem.Conflict($"Task {task.Id} is not awaiting a manual intervention ({(engine.IsStopping(task.Id) ? "it is stopping" : task.State.ToString())}).");
            }

            Interruption? chosen;
            if (!string.IsNullOrWhiteSpace(interruptionId))
            {
                chosen = pending.FirstOrDefault(i => string.Equals(i.Id, interruptionId.Trim(), StringComparison.OrdinalIgnoreCase));
                if (chosen is null)
                {
                    return Problem.Invalid("InterruptionId", $"Task {task.Id} has no pending intervention {interruptionId}; pending: {string.Join(", ", pending.Select(i => $"{i.Id} (step '{i.StepName}')"))}.");
                }
            }
            else if (pending.Count > 1)
            {
                return Problem.Invalid("InterruptionId", $"Task {task.Id} awaits {pending.Count} interventions; say which: {string.Join(", ", pending.Select(i => $"{i.Id} (step '{i.StepName}')"))}.");
            }
            else
            {
                chosen = pending[0];
            }

            // Who may act is checked here once users and teams exist (ResponsibleTeams names them); any caller with
            // access to the API may act until then.
            var answer = chosen with { Result = result, ResolvedBy = who.Name, Resolved = time.GetUtcNow(), Note = note?.Trim() ?? "" };
            var resolved = interruptions.Resolve(task.Id, answer);
            if (!ReferenceEquals(resolved, answer))
            {
                return Problem.Conflict($"Manual intervention {resolved.Id} of {task.Id} was already resolved: {resolved.Result} by {resolved.ResolvedBy}.");
            }

            if (!engine.IsRunning(task.Id))
            {
                // Queued to resume after a restart: stored now, and the resumed executor acts on it.
                s.Tasks.Update(task with { Interruptions = (task.Interruptions ?? []).Select(i => i.Id == resolved.Id ? resolved : i).ToList() });
            }

            audit.Record(s, who, result == InterruptionResults.Proceed ? "InterventionProceeded" : "InterventionAborted", DocumentType, task.Id,
                $"Manual intervention {resolved.Id} of {task.Description}: {result}", $"Step: {resolved.StepName}" + (resolved.Note.Length > 0 ? $"; note: {resolved.Note}" : ""));
            return resolved;
        });
    }
}
