using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Certificates;
using OctoLite.Server.Email;
using OctoLite.Server.Security;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The steps that always run inside the server process and never start a process or run user code: email,
/// manual intervention and import certificate. Their fields take <c>#{variables}</c>.
/// </summary>
internal sealed class InServerSteps(ManualInterventionStep intervention, EmailSender email, CertificateService certificates)
{
    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run) => step.Kind switch
    {
        StepKind.ManualIntervention => await intervention.RunAsync(record, step, log, run),
        StepKind.Email => await SendAsync(context, step, number, log, run),
        StepKind.ImportCertificate => Import(record, context, step, number, log),
        _ => new StepOutcomeReport(StepOutcome.Failed, $"{step.Kind} steps cannot run on this server version."),
    };

    /// <summary>Makes the certificates that finished import steps of a resumed task exposed visible again.</summary>
    public void Restore(TaskContext context, ServerTask task)
    {
        foreach (var step in task.Process.Steps.Where(s => s.Kind == StepKind.ImportCertificate))
        {
            if (task.Steps.FirstOrDefault(s => s.StepId == step.Id) is { State: TaskStepState.Success } && Expand(context, step, 0, step.CertificateName) is { } name
                && certificates.ForExecution(name) is { IsSuccess: true } material)
            {
                Expose(context, name, material.Value);
            }
        }
    }

    private async Task<StepOutcomeReport> SendAsync(TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        var variables = context.VariablesFor(step, number, null, "server");
        var to = EmailAddress.ParseList(Substitute(step.To, variables), "To");
        var cc = EmailAddress.ParseList(Substitute(step.Cc, variables), "Cc");
        if (!to.IsSuccess || !cc.IsSuccess)
        {
            var problem = (to.Problem ?? cc.Problem)!;
            log.Error(step.Id, problem.Detail);
            return new StepOutcomeReport(StepOutcome.Failed, problem.Detail);
        }

        var message = new EmailMessage { To = to.Value, Cc = cc.Value, Subject = Substitute(step.Subject, variables), Body = Substitute(step.Body, variables) };
        try
        {
            var sent = await email.SendAsync(message, run.Token);
            if (!sent.IsSuccess)
            {
                log.Error(step.Id, sent.Problem.Detail);
                return new StepOutcomeReport(StepOutcome.Failed, sent.Problem.Detail);
            }

            log.Info(step.Id, $"Sent the email to {string.Join(", ", sent.Value.Recipients)} through {sent.Value.Server} ({sent.Value.MessageId})");
            return StepOutcomeReport.Success;
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            return new StepOutcomeReport(run.Reason == StopReason.TimedOut ? StepOutcome.TimedOut : StepOutcome.Canceled, "Stopped while sending the email.");
        }
    }

    private StepOutcomeReport Import(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log)
    {
        var variables = context.VariablesFor(step, number, null, "server");
        var name = Substitute(step.CertificateName, variables).Trim();
        var data = CertificateReader.DecodeText(Substitute(step.Certificate, variables), "Certificate");
        var imported = data.IsSuccess
            ? certificates.Import(name, data.Value, step.CertificatePassword.Length == 0 ? null : Substitute(step.CertificatePassword, variables),
                new Actor($"{record.Current.Id} (queued by {record.Current.QueuedBy})"), replace: true)
            : data.Problem;
        var material = imported.IsSuccess ? certificates.ForExecution(imported.Value.Id) : imported.Problem;
        if (!material.IsSuccess)
        {
            var detail = $"The certificate could not be imported: {material.Problem.Detail}";
            log.Error(step.Id, detail);
            return new StepOutcomeReport(StepOutcome.Failed, detail);
        }

        Expose(context, name, material.Value);
        log.Info(step.Id, $"Imported certificate '{name}' ({material.Value.Thumbprint}, {material.Value.Subject}); later steps read #{{{name}.Thumbprint}}, #{{{name}.CertificatePem}} and the rest.");
        return StepOutcomeReport.Success;
    }

    private static void Expose(TaskContext context, string name, CertificateMaterial material)
    {
        foreach (var variable in material.Variables(name))
        {
            context.AddOutput(variable.Name, variable.Value, variable.IsSensitive);
        }
    }

    private static string? Expand(TaskContext context, Step step, int number, string template) =>
        Substitute(template, context.VariablesFor(step, number, null, "server")) is { Length: > 0 } value ? value.Trim() : null;

    private static string Substitute(string template, ScriptVariableSet variables) => VariableSubstitution.Substitute(template, variables).Text;
}
