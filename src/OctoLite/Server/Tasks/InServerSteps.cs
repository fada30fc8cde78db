using OctoLite.Domain;
using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Server.Certificates;
using OctoLite.Server.Email;
using OctoLite.Server.Security;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The steps that always run inside the server process and never start a process or run user code: email,
/// manual intervention and import certificate. Their fields take <c>#{variables}</c>; what they write to the log
/// and the reasons they give are masked with the task's sensitive values, as script output is.
/// </summary>
internal sealed class InServerSteps(ManualInterventionStep intervention, EmailSender email, CertificateService certificates)
{
    /// <summary>The output variable an import step records the certificate's id in, so a resumed task finds the same certificate.</summary>
    public const string CertificateIdOutput = "CertificateId";

    public async Task<StepOutcomeReport> RunAsync(TaskRecord record, TaskContext context, Step step, int number, TaskLogWriter log, TaskRun run)
    {
        var variables = context.VariablesFor(step, number, null, "server");
        var masker = new SecretMasker();
        masker.AddRange(variables.SensitiveValues());
        var sink = new StepLog(log, step.Id);
        var masked = new MaskedOutput(sink, masker);
        var report = step.Kind switch
        {
            StepKind.ManualIntervention => await intervention.RunAsync(record, step, log, run),
            StepKind.Email => await SendAsync(step, variables, masked, run),
            StepKind.ImportCertificate => Import(record, context, step, variables, masked),
            _ => new StepOutcomeReport(StepOutcome.Failed, $"{step.Kind} steps cannot run on this server version."),
        };
        return report with { Message = masker.Mask(report.Message) };
    }

    /// <summary>Makes the certificates that finished import steps of a resumed task exposed visible again: the same certificates, by id.</summary>
    public void Restore(TaskContext context, ServerTask task)
    {
        foreach (var step in task.Process.Steps.Where(s => s.Kind == StepKind.ImportCertificate))
        {
            var id = task.OutputVariables.FirstOrDefault(o => o.StepName == step.Name && o.Name == CertificateIdOutput)?.Value;
            if (id is not null && certificates.ForExecution(id) is { IsSuccess: true } material)
            {
                Expose(context, material.Value.Name, material.Value);
            }
        }
    }

    private async Task<StepOutcomeReport> SendAsync(Step step, ScriptVariableSet variables, MaskedOutput output, TaskRun run)
    {
        var to = EmailAddress.ParseList(Substitute(step.To, variables), "To");
        var cc = EmailAddress.ParseList(Substitute(step.Cc, variables), "Cc");
        if (!to.IsSuccess || !cc.IsSuccess)
        {
            return output.Fail((to.Problem ?? cc.Problem)!.Detail);
        }

        var message = new EmailMessage { To = to.Value, Cc = cc.Value, Subject = Substitute(step.Subject, variables), Body = Substitute(step.Body, variables) };
        try
        {
            var sent = await email.SendAsync(message, run.Token);
            if (!sent.IsSuccess)
            {
                return output.Fail(sent.Problem.Detail);
            }

            output.Line(TaskLogLevel.Info, $"Sent the email to {string.Join(", ", sent.Value.Recipients)} through {sent.Value.Server} ({sent.Value.MessageId})");
            return StepOutcomeReport.Success;
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            return new StepOutcomeReport(run.Reason == StopReason.TimedOut ? StepOutcome.TimedOut : StepOutcome.Canceled, "Stopped while sending the email.");
        }
    }

    private StepOutcomeReport Import(TaskRecord record, TaskContext context, Step step, ScriptVariableSet variables, MaskedOutput output)
    {
        var name = Substitute(step.CertificateName, variables).Trim();
        var data = CertificateReader.DecodeText(Substitute(step.Certificate, variables), "Certificate");
        var imported = data.IsSuccess
            ? certificates.Import(name, data.Value, step.CertificatePassword.Length == 0 ? null : Substitute(step.CertificatePassword, variables),
                new Actor($"{record.Current.Id} (queued by {record.Current.QueuedBy})"), replace: true)
            : data.Problem;
        var material = imported.IsSuccess ? certificates.ForExecution(imported.Value.Id) : imported.Problem;
        if (!material.IsSuccess)
        {
            return output.Fail($"The certificate could not be imported: {material.Problem.Detail}");
        }

        Expose(context, name, material.Value);
        record.Stage(t => t with
        {
            OutputVariables = [.. t.OutputVariables.Where(o => o.StepName != step.Name || o.Name != CertificateIdOutput),
                new OutputVariable { StepName = step.Name, Name = CertificateIdOutput, Value = material.Value.Id }],
        });
        context.AddOutput($"Octopus.Action[{step.Name}].Output.{CertificateIdOutput}", material.Value.Id, false);
        output.Line(TaskLogLevel.Info, $"Imported certificate '{name}' ({material.Value.Id}, {material.Value.Thumbprint}, {material.Value.Subject}); later steps read #{{{name}.Thumbprint}}, #{{{name}.CertificatePem}} and the rest.");
        return StepOutcomeReport.Success;
    }

    private static void Expose(TaskContext context, string name, CertificateMaterial material)
    {
        foreach (var variable in material.Variables(name))
        {
            context.AddOutput(variable.Name, variable.Value, variable.IsSensitive);
        }
    }

    private static string Substitute(string template, ScriptVariableSet variables) => VariableSubstitution.Substitute(template, variables).Text;

    /// <summary>An in-server step's log, masked before anything is written.</summary>
    private sealed class MaskedOutput(StepLog log, SecretMasker masker)
    {
        public void Line(TaskLogLevel level, string text) => log.Line(level, masker.Mask(text));

        public StepOutcomeReport Fail(string detail)
        {
            var masked = masker.Mask(detail);
            log.Line(TaskLogLevel.Error, masked);
            return new StepOutcomeReport(StepOutcome.Failed, masked);
        }
    }
}
