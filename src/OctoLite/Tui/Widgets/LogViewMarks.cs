using OctoLite.Domain;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// The mark before each log line that says its level without colour (Info has none), and the tone it is drawn in.
/// Each mark has an ASCII form for terminals that are not UTF-8.
/// </summary>
internal sealed class LogViewMarks(bool unicode)
{
    public string For(TaskLogLevel level) => level switch
    {
        TaskLogLevel.Verbose => unicode ? "·" : ".",
        TaskLogLevel.Highlight => unicode ? "»" : ">",
        TaskLogLevel.Wait => unicode ? "…" : "~",
        TaskLogLevel.Warning => unicode ? "▲" : "!",
        TaskLogLevel.Error => unicode ? "✗" : "x",
        TaskLogLevel.Fatal => unicode ? "‼" : "X",
        _ => " ",
    };

    /// <summary>Between the level mark and the text of the selected search match, so the selection shows without colour.</summary>
    public string Selected => unicode ? "◆" : "*";

    public static Tone Tone(TaskLogLevel level) => level switch
    {
        TaskLogLevel.Verbose or TaskLogLevel.Wait => Widgets.Tone.Dim,
        TaskLogLevel.Highlight => Widgets.Tone.Highlight,
        TaskLogLevel.Warning => Widgets.Tone.Warning,
        TaskLogLevel.Error or TaskLogLevel.Fatal => Widgets.Tone.Bad,
        _ => Widgets.Tone.Normal,
    };
}
