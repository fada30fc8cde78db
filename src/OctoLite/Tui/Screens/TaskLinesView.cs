using OctoLite.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OctoLite.Tui.Screens;

/// <summary>
/// A few lines of text in tones (the task screen's header and its steps), cut to the width; redrawn only when the
/// lines change. With a <see cref="Separator"/>, it is drawn down its right edge. When it can take the focus, Up and
/// Down select among the lines that have a key, and Enter raises <see cref="Chosen"/> with it.
/// </summary>
internal sealed class TaskLinesView(bool color) : View
{
    private IReadOnlyList<TaskLine> _lines = [];
    private string? _selected;

    /// <summary>Raised with the selected line's key when Enter is pressed on it.</summary>
    public event Action<string>? Chosen;

    /// <summary>The key of the selected line, while the view has the focus (or null).</summary>
    public string? Selected => _selected;

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
        if (_selected is not null && !lines.Any(l => l.Key == _selected))
            _selected = null;
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        // The lines are cut, not scrolled: Left and Right do nothing here rather than move the focus (Terminal.Gui's
        // default for an unhandled arrow), which Tab does.
        if (CanFocus && (key == Key.CursorLeft || key == Key.CursorRight))
            return true;
        var keyed = _lines.Where(l => l.Key is not null).Select(l => l.Key!).ToList();
        if (keyed.Count == 0)
            return base.OnKeyDown(key);
        var at = _selected is null ? -1 : keyed.IndexOf(_selected);
        if (key == Key.CursorDown)
            _selected = keyed[Math.Min(keyed.Count - 1, at + 1)];
        else if (key == Key.CursorUp)
            _selected = keyed[Math.Max(0, at - 1)];
        else if (key == Key.Enter && _selected is not null)
            Chosen?.Invoke(_selected);
        else
            return base.OnKeyDown(key);
        SetNeedsDraw();
        return true;
    }

    protected override void OnHasFocusChanged(bool newHasFocus, View? previousFocusedView, View? view)
    {
        base.OnHasFocusChanged(newHasFocus, previousFocusedView, view);
        if (newHasFocus && _selected is null)
            _selected = _lines.FirstOrDefault(l => l.Key is not null)?.Key;
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
                var selected = HasFocus && _lines[y].Key is { } key && key == _selected;
                foreach (var (text, tone) in _lines[y].Segments)
                {
                    if (x >= width)
                        break;
                    var shown = text.Length > width - x ? text[..(width - x)] : text;
                    SetAttribute(selected ? GetAttributeForRole(VisualRole.Focus)
                        : color && Tones.Foreground(tone) is { } foreground ? new Attribute(new Color(foreground), normal.Background) : normal);
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
/// <param name="Key">What the line stands for (a step's log block), for lines that can be selected; null for others.</param>
internal sealed record TaskLine(IReadOnlyList<(string Text, Tone Tone)> Segments, string? Key = null)
{
    public TaskLine(string text, Tone tone = Tone.Normal, string? key = null) : this([(text, tone)], key)
    {
    }

    public bool SameAs(TaskLine other) => Key == other.Key && Segments.SequenceEqual(other.Segments);
}
