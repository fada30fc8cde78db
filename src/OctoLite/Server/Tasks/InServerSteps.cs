using OctoLite.Domain;
using OctoLite.Scripting.Runner;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The steps that always run inside the server process and never start a process or run user code: email,
/// manual intervention and import certificate.
/// </summary>
internal sealed class InServerSteps(ManualInterventionStep intervention)
{
    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        _ = context;
        _ = number;
        return step.Kind switch
        {
            StepKind.ManualIntervention => await intervention.RunAsync(record, step, log, run),
            _ => new StepOutcomeReport(StepOutcome.Failed, $"{step.Kind} steps cannot run on this server version."),
        };
    }

    /// <summary>Makes what finished in-server steps of a resumed task exposed (certificate variables) visible again.</summary>
    public void Restore(TaskContext context, ServerTask task)
    {
        _ = context;
        _ = task;
    }
}
