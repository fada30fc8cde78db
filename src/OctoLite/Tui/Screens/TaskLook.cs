using System.Globalization;
using OctoLite.Cli.Output;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>How tasks and their steps look on the task screens: tones beside the symbols, times and durations.</summary>
internal static class TaskLook
{
    public static Tone Tone(TaskState state) => state switch
    {
        TaskState.Success => Widgets.Tone.Good,
        TaskState.Failed or TaskState.TimedOut => Widgets.Tone.Bad,
        TaskState.Cancelling => Widgets.Tone.Warning,
        TaskState.Canceled => Widgets.Tone.Dim,
        TaskState.Executing => Widgets.Tone.Highlight,
        _ => Widgets.Tone.Normal,
    };

    /// <summary>The state with its symbol, and a note when a manual intervention waits.</summary>
    public static string State(ServerTask task, Symbols symbols) =>
        symbols.Task(task.State) + (task.HasPendingInterruptions ? " (waiting)" : "");

    public static string Step(TaskStepState state, bool unicode) => state switch
    {
        TaskStepState.Pending => unicode ? "○" : "o",
        TaskStepState.Running => unicode ? "▶" : ">",
        TaskStepState.Success => unicode ? "✓" : "+",
        TaskStepState.Failed => unicode ? "✗" : "x",
        TaskStepState.Canceled => unicode ? "⊘" : "-",
        TaskStepState.TimedOut => unicode ? "⌛" : "x",
        TaskStepState.Skipped => unicode ? "↷" : "-",
        _ => "?",
    };

    public static Tone StepTone(TaskStepState state) => state switch
    {
        TaskStepState.Success => Widgets.Tone.Good,
        TaskStepState.Failed or TaskStepState.TimedOut => Widgets.Tone.Bad,
        TaskStepState.Running => Widgets.Tone.Highlight,
        TaskStepState.Pending or TaskStepState.Skipped or TaskStepState.Canceled => Widgets.Tone.Dim,
        _ => Widgets.Tone.Normal,
    };

    /// <summary>A point in time, short: "11-29 14:03:05" in <paramref name="time"/>'s zone; empty for none.</summary>
    public static string When(DateTimeOffset? value, TimeProvider time) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, time.LocalTimeZone).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>Start to end; start to now with "+" while it runs; empty before it starts.</summary>
    public static string Duration(ServerTask task, TimeProvider time) => (task.StartTime, task.CompletedTime) switch
    {
        ({ } s, { } e) => Display.Elapsed(e - s),
        ({ } s, null) => Display.Elapsed(time.GetUtcNow() - s) + "+",
        _ => "",
    };
}
