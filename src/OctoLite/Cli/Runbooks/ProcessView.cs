using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Runbooks;

/// <summary>How a process's steps look in a table: what each does, where and when it runs.</summary>
internal static class ProcessView
{
    public static void Steps(TextWriter writer, DeploymentProcess process)
    {
        var table = new Table("#", "ID", "NAME", "KIND", "RUNS", "CONDITION", "TIMEOUT", "DETAIL");
        foreach (var (step, index) in process.Steps.Select((s, i) => (s, i + 1)))
        {
            var number = index.ToString(CultureInfo.InvariantCulture) + (step.StartTrigger == StartTrigger.StartWithPrevious ? " ∥" : "");
            table.Add(number, step.Id, step.Name + (step.Required ? " (required)" : ""), step.Kind.ToString(), Where(step), step.Condition,
                step.Timeout is { } timeout ? Display.Duration(timeout) : "", Detail(step));
        }

        table.WriteTo(writer);
    }

    private static string Where(Step step) => step.Kind != StepKind.RunScript ? "server" : step.ExecutionLocation switch
    {
        ExecutionLocation.BuiltInWorker => "built-in worker",
        ExecutionLocation.WorkerPoolOnBehalfOfRoles => $"per target in {string.Join(",", step.Roles)}" + (step.WorkerPool.Length > 0 ? $" on {step.WorkerPool}" : "")
            + $" (max {(step.MaxParallelism ?? Step.DefaultMaxParallelism).ToString(CultureInfo.InvariantCulture)})",
        _ => step.WorkerPool.Length > 0 ? step.WorkerPool : "default pool",
    };

    private static string Detail(Step step) => step.Kind switch
    {
        StepKind.RunScript => $"{step.Syntax}: {FirstLine(step.Script)}",
        StepKind.Email => $"to {step.To}: {step.Subject}",
        StepKind.ManualIntervention => FirstLine(step.Instructions),
        _ => $"import as {step.CertificateName}",
    };

    private static string FirstLine(string script)
    {
        var lines = script.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = lines.FirstOrDefault() ?? "";
        var shown = first.Length > 60 ? string.Concat(first.AsSpan(0, 59), "…") : first;
        return lines.Length switch
        {
            1 or 0 => shown,
            2 => $"{shown} (+1 line)",
            _ => $"{shown} (+{lines.Length - 1} lines)",
        };
    }
}
