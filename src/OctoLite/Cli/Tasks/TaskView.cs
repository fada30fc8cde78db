using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Cli.Variables;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>How tasks look in tables: a list, and one task with its steps, output variables and artifacts.</summary>
internal static class TaskView
{
    public static void List(TextWriter writer, IReadOnlyList<ServerTask> tasks, TimeProvider time)
    {
        var table = new Table("ID", "STATE", "QUEUED", "DURATION", "DESCRIPTION");
        foreach (var task in tasks)
        {
            table.Add(task.Id, task.State.ToString(), Display.Time(task.QueueTime, time), Duration(task.StartTime, task.CompletedTime, time), task.Description);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, ServerTask task, TimeProvider time)
    {
        var fields = new List<(string, string?)>
        {
            ("Id", task.Id),
            ("Description", task.Description),
            ("State", task.State.ToString() + (task.HasPendingInterruptions ? " (awaiting manual intervention)" : "")),
        };
        if (task.ErrorMessage.Length > 0)
        {
            fields.Add(("Error", task.ErrorMessage));
        }

        fields.AddRange(
        [
            ("Project", task.ProjectId),
            (task.Kind == TaskKind.Deploy ? "Release" : "Runbook", task.Kind == TaskKind.Deploy ? task.ReleaseId : task.RunbookId),
            ("Queued by", task.QueuedBy),
            ("Queued", Display.Time(task.QueueTime, time)),
            ("Started", Display.Time(task.StartTime, time)),
            ("Completed", Display.Time(task.CompletedTime, time)),
            ("Duration", Duration(task.StartTime, task.CompletedTime, time)),
            ("Timeout", task.Timeout is { } timeout ? Display.Duration(timeout) : "none"),
            ("Server node", task.ServerNode),
            ("Log lines", Display.Number(task.LogLineCount) + (task.HasWarningsOrErrors ? " (with warnings or errors)" : "")),
        ]);
        if (task.EnvironmentId.Length > 0)
        {
            fields.Insert(fields.FindIndex(f => f.Item1 is "Release" or "Runbook") + 1, ("Environment", task.EnvironmentId));
        }

        if (task.HealthCheck is { } scope)
        {
            // A Health task has no project, runbook or release: say which workers it checks instead.
            var at = fields.FindIndex(f => f.Item1 == "Project");
            fields.RemoveRange(at, 2);
            fields.Insert(at, ("Checks", scope.WorkerIds.Count > 0 ? $"workers {string.Join(", ", scope.WorkerIds)}"
                : scope.WorkerPoolId.Length > 0 ? $"the workers of pool {scope.WorkerPoolId}"
                : "every worker"));
        }

        Table.WriteFields(writer, fields);
        foreach (var pending in (task.Interruptions ?? []).Where(i => i.IsPending))
        {
            writer.WriteLine();
            writer.WriteLine($"Awaiting manual intervention {pending.Id} at step '{pending.StepName}': {pending.Instructions}");
            writer.WriteLine($"  octolite task approve {task.Id} [--note TEXT]    or    octolite task abort {task.Id} [--note TEXT]");
        }

        if (task.Steps.Count > 0)
        {
            writer.WriteLine();
            var steps = new Table("#", "STEP", "STATE", "EXIT", "DURATION", "WORKER", "ERROR");
            foreach (var (step, number) in task.Steps.Select((s, i) => (s, i + 1)))
            {
                steps.Add(number.ToString(CultureInfo.InvariantCulture), step.Name, step.State.ToString(),
                    step.ExitCode?.ToString(CultureInfo.InvariantCulture), Duration(step.StartTime, step.CompletedTime, time), step.Worker, step.ErrorMessage);
            }

            steps.WriteTo(writer);
        }

        if (task.OutputVariables.Count > 0)
        {
            writer.WriteLine();
            var outputs = new Table("OUTPUT VARIABLE", "VALUE");
            foreach (var variable in task.OutputVariables)
            {
                outputs.Add(variable.FullName, variable.IsSensitive ? VariableView.Mask : variable.Value);
            }

            outputs.WriteTo(writer);
        }

        if (task.Artifacts.Count > 0)
        {
            writer.WriteLine();
            var artifacts = new Table("ARTIFACT", "ID", "SIZE", "STEP");
            foreach (var artifact in task.Artifacts)
            {
                artifacts.Add(artifact.Filename, artifact.Id, Display.Bytes(artifact.Length), artifact.StepName);
            }

            artifacts.WriteTo(writer);
        }
    }

    /// <summary>
    /// The task without the stored form of sensitive output variables: the CLI never prints a sensitive value, or what
    /// the server keeps in its place, in any format.
    /// </summary>
    public static ServerTask Redact(ServerTask task) => task.OutputVariables.Any(v => v.IsSensitive && v.Value is not null)
        ? task with { OutputVariables = task.OutputVariables.Select(v => v.IsSensitive ? v with { Value = null } : v).ToList() }
        : task;

    /// <summary>Start to end; start to now, marked, while it runs; empty before it starts.</summary>
    private static string Duration(DateTimeOffset? start, DateTimeOffset? end, TimeProvider time) => (start, end) switch
    {
        ({ } s, { } e) => Display.Elapsed(e - s),
        ({ } s, null) => Display.Elapsed(time.GetUtcNow() - s) + " so far",
        _ => "",
    };
}
