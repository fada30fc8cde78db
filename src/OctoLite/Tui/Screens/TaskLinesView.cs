using OctoLite.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OctoLite.Tui.Screens;

/// <summary>
/// A few lines of text in tones (the task screen's header and its steps), cut to the width; redrawn only when the
/// lines change. With a <see cref="Separator"/>, it is drawn down its right edge.
/// </summary>
internal sealed class TaskLinesView(bool color) : View
{
    private IReadOnlyList<TaskLine> _lines = [];

    /// <summary>When set, drawn down the last column, between this view and the one to its right (e.g. "│").</summary>
    public string? Separator { get; init; }

    public IReadOnlyList<TaskLine> Lines => _lines;

    /// <summary>The lines as text, for tests and the help.</summary>
    public IReadOnlyList<string> Rendered => _lines.Select(l => string.Concat(l.Segments.Select(s => s.Text))).ToList();

    public void SetLines(IReadOnlyList<TaskLine> lines)
    {
        if (lines.Count == _lines.Count && lines.Zip(_lines).All(p => p.First.SameAs(p.Second)))
            return;
        _lines = lines;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width - (Separator is null ? 0 : 1);
        for (var y = 0; y < Viewport.Height; y++)
        {
            Move(0, y);
            var x = 0;
            if (y < _lines.Count)
            {
                foreach (var (text, tone) in _lines[y].Segments)
                {
                    if (x >= width)
                        break;
                    var shown = text.Length > width - x ? text[..(width - x)] : text;
                    SetAttribute(color && Tones.Foreground(tone) is { } foreground ? new Attribute(new Color(foreground), normal.Background) : normal);
                    AddStr(shown);
                    x += shown.Length;
                }
            }

            SetAttribute(normal);
            if (x < width)
                AddStr(new string(' ', width - x));
            if (Separator is not null)
                AddStr(Separator);
        }

        return true;
    }
}

/// <summary>One line of a <see cref="TaskLinesView"/>: pieces of text, each in its tone.</summary>
internal sealed record TaskLine(IReadOnlyList<(string Text, Tone Tone)> Segments)
{
    public TaskLine(string text, Tone tone = Tone.Normal) : this([(text, tone)])
    {
    }

    public bool SameAs(TaskLine other) => Segments.SequenceEqual(other.Segments);
}
