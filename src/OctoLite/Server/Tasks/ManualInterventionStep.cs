using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// A manual intervention: raises an interruption on the task and waits, inside the server, until someone proceeds
/// or aborts (<c>octolite task approve|abort</c>). Starts no process. A task resumed after a restart finds its
/// interruption already raised and waits on it again (or acts on a resolution given while the server was down).
/// </summary>
internal sealed class ManualInterventionStep(OctoStore store, InterruptionBroker broker, TimeProvider time)
{
    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, Step step, TaskLogWriter log, TaskRun run)
    {
        var interruption = (record.Current.Interruptions ?? []).FirstOrDefault(i => i.StepId == step.Id);
        if (interruption is null)
        {
            interruption = new Interruption
            {
                Id = store.Write(s => s.NextId("Interruptions")),
                StepId = step.Id,
                StepName = step.Name,
                Instructions = step.Instructions,
                ResponsibleTeams = step.ResponsibleTeams,
                Created = time.GetUtcNow(),
            };
            var raised = interruption;
            record.Update(t => t with { Interruptions = [.. t.Interruptions ?? [], raised] });
        }

        var taskId = record.Current.Id;
        if (interruption.IsPending)
        {
            log.Write(TaskLogLevel.Highlight, step.Id, $"Manual intervention required: {interruption.Instructions}");
            var who = interruption.ResponsibleTeams.Count == 0 ? "" : $" (responsible: {string.Join(", ", interruption.ResponsibleTeams)})";
            log.Info(step.Id, $"Waiting{who}. Proceed with `octolite task approve {taskId}` or abort with `octolite task abort {taskId}`, each with an optional --note.");
            try
            {
                interruption = await broker.WaitAsync(taskId, interruption, run.Token);
            }
            catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
            {
                if (run.Reason == StopReason.ServerStopping)
                {
                    return new StepOutcomeReport(StepOutcome.Canceled, "The server stopped while this step awaited a manual intervention.") { Suspended = true };
                }

                return new StepOutcomeReport(run.Reason == StopReason.TimedOut ? StepOutcome.TimedOut : StepOutcome.Canceled, "Stopped while awaiting manual intervention.");
            }

            var resolved = interruption;
            record.Update(t => t with { Interruptions = t.Interruptions.Select(i => i.Id == resolved.Id ? resolved : i).ToList() });
        }

        var note = interruption.Note.Length > 0 ? $": {interruption.Note}" : "";
        if (interruption.Result == InterruptionResults.Proceed)
        {
            log.Info(step.Id, $"{interruption.ResolvedBy} chose to proceed{note}");
            return StepOutcomeReport.Success;
        }

        var message = $"Aborted by {interruption.ResolvedBy}{note}";
        log.Error(step.Id, message);
        return new StepOutcomeReport(StepOutcome.Failed, message);
    }
}
