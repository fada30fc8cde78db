using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>The task screen's header and steps as lines of toned text.</summary>
internal static class TaskScreenText
{
    private const int MinStepsWidth = 14;
    private const int MaxStepsWidth = 24;

    public static IReadOnlyList<TaskLine> Header(ServerTask task, TaskWhy? why, Symbols symbols, TimeProvider clock)
    {
        var times = $"   queued {TaskLook.When(task.QueueTime, clock)}";
        if (task.StartTime is not null)
            times += $"   started {TaskLook.When(task.StartTime, clock)}";
        if (TaskLook.Duration(task, clock) is { Length: > 0 } duration)
            times += task.CompletedTime is null ? $"   running for {duration.TrimEnd('+')}" : $"   took {duration}";
        return
        [
            new TaskLine($"{task.Id}  {task.Description}"),
            new TaskLine([(TaskLook.State(task, symbols), TaskLook.Tone(task.State)), (times, Tone.Normal)]),
            Note(task, why),
        ];
    }

    /// <summary>The third header line: the intervention waited on, the error, or what holds the task back.</summary>
    private static TaskLine Note(ServerTask task, TaskWhy? why)
    {
        if (task.Interruptions.FirstOrDefault(i => i.IsPending) is { } pending)
        {
            var instructions = pending.Instructions.Length > 0 ? $": {OneLine(pending.Instructions)}" : "";
            return new TaskLine($"Waiting for approval at '{pending.StepName}'{instructions} (A approves, X aborts)", Tone.Warning);
        }

        if (task.ErrorMessage.Length > 0)
            return new TaskLine(OneLine(task.ErrorMessage), Tone.Bad);

        var reasons = (why?.Reasons ?? []).Where(r => r.Kind is not (WaitKind.Running or WaitKind.Finished)).Select(r => OneLine(r.Message)).ToList();
        return reasons.Count > 0 ? new TaskLine("Waiting: " + string.Join("; ", reasons), Tone.Warning) : new TaskLine("");
    }

    /// <summary>"STEPS", then each step with its state's symbol, and under a step that ran once per target, each target.</summary>
    public static IReadOnlyList<TaskLine> Steps(ServerTask task, bool unicode)
    {
        var lines = new List<TaskLine> { new("STEPS", Tone.Dim) };
        foreach (var step in task.Steps)
        {
            lines.Add(new TaskLine($"{TaskLook.Step(step.State, unicode)} {step.Name}", TaskLook.StepTone(step.State), NullIfEmpty(step.Block)));
            foreach (var invocation in step.Invocations.Where(i => i.TargetName.Length > 0))
                lines.Add(new TaskLine($"  {TaskLook.Step(invocation.State, unicode)} {invocation.TargetName}", TaskLook.StepTone(invocation.State), NullIfEmpty(invocation.Block)));
        }

        if (task.Steps.Count == 0)
            lines.Add(new TaskLine("(none yet)", Tone.Dim));
        return lines;
    }

    /// <summary>Wide enough for the longest step and the separator, 14 to 24 columns (longer names are cut).</summary>
    public static int StepsWidth(IReadOnlyList<TaskLine> steps) =>
        Math.Clamp(steps.Max(l => l.Segments.Sum(s => s.Text.Length)) + 2, MinStepsWidth, MaxStepsWidth);

    private static string? NullIfEmpty(string block) => block.Length > 0 ? block : null;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
