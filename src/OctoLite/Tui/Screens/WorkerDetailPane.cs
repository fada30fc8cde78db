using OctoLite.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The selected worker's details in a framed pane: lines of text, each with a tone, scrolled with the arrow and page
/// keys while it has the focus (Tab). Every other key is left to the screen and the shell. Redraws only when its
/// lines change.
/// </summary>
internal sealed class WorkerDetailPane : View
{
    private IReadOnlyList<(string Text, Tone Tone)> _lines = [];
    private readonly bool _color;
    private int _top;

    public WorkerDetailPane(bool color)
    {
        _color = color;
        Title = "Details";
        BorderStyle = LineStyle.Single;
        Border.Settings &= ~BorderSettings.TerminalTitle;
        CanFocus = true;
        TabStop = TabBehavior.TabStop;
    }

    /// <summary>The lines shown, as text (tests read them).</summary>
    public IReadOnlyList<string> Lines => _lines.Select(l => l.Text).ToList();

    /// <summary>The first line in view.</summary>
    public int Top => _top;

    public void SetLines(IReadOnlyList<(string Text, Tone Tone)> lines)
    {
        if (lines.SequenceEqual(_lines))
            return;

        // Another worker's details start at the top; the same worker's, refreshed, keep their place.
        if (lines.Count == 0 || _lines.Count == 0 || lines[0] != _lines[0])
            _top = 0;
        _lines = lines;
        _top = Math.Max(0, Math.Min(_top, _lines.Count - 1));
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 1);
        int? to = key.KeyCode switch
        {
            KeyCode.CursorDown => _top + 1,
            KeyCode.CursorUp => _top - 1,
            KeyCode.PageDown => _top + page,
            KeyCode.PageUp => _top - page,
            KeyCode.Home => 0,
            KeyCode.End => _lines.Count - Viewport.Height,
            // The lines are cut, not scrolled sideways: the arrows stay here instead of moving the focus out of the pane.
            KeyCode.CursorLeft or KeyCode.CursorRight => _top,
            _ => null,
        };
        if (to is not { } top)
            return base.OnKeyDown(key);

        top = Math.Max(0, Math.Min(top, _lines.Count - Viewport.Height));
        if (top != _top)
        {
            _top = top;
            SetNeedsDraw();
        }

        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        for (var y = 0; y < Viewport.Height; y++)
        {
            Move(0, y);
            var index = _top + y;
            var (text, tone) = index < _lines.Count ? _lines[index] : ("", Tone.Normal);
            SetAttribute(_color && Tones.Foreground(tone) is { } foreground ? new Attribute(new Color(foreground), normal.Background) : normal);
            AddStr(text.Length > width ? text[..width] : text.PadRight(width));
        }

        return true;
    }
}
