using System.Globalization;
using OctoLite.Cli.Tasks;
using OctoLite.Domain;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// A live task log: a status row, then the lines, each with its time (optional), a level mark (so the level reads
/// without colour) and its text indented under its step. It follows the end as lines arrive until the user scrolls
/// up; End (or <see cref="Follow"/>) follows again. It keeps at most <see cref="Capacity"/> lines, the newest, and
/// says so. Lines wrap or are cut (Left/Right scroll sideways), and a search selects matching lines one at a time.
/// </summary>
/// <remarks>
/// Lines are appended by sequence number, so a line that arrives twice (two overlapping reads) is shown once. The view
/// asks to be redrawn only when a line arrived or a setting changed. UI thread only.
/// </remarks>
internal sealed partial class LogView : View
{
    public const int DefaultCapacity = 10_000;
    private const int SidewaysStep = 8;

    private readonly List<Entry> _entries = [];
    private readonly TaskLogBlocks _blocks = new();
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);
    private readonly LogViewMarks _marks;
    private readonly bool _color;
    private List<(int Entry, int Offset)>? _rows;
    private int _rowsWidth = -1;
    private int _top;
    private int _left;
    private long _last;
    private bool _follow = true;
    private bool _wrap;
    private bool _timestamps = true;

    public LogView(bool color, bool unicode, int capacity = DefaultCapacity)
    {
        _color = color;
        _marks = new LogViewMarks(unicode);
        Capacity = capacity;
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>How many lines are kept (the newest).</summary>
    public int Capacity { get; }

    /// <summary>The zone times are shown in (tests pin it).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>True while the view keeps the newest line in sight as lines arrive.</summary>
    public bool Follow
    {
        get => _follow;
        set
        {
            if (_follow == value)
                return;
            _follow = value;
            if (value)
                _top = MaxTop;
            SetNeedsDraw();
        }
    }

    public bool Wrap
    {
        get => _wrap;
        set
        {
            if (_wrap == value)
                return;
            var anchor = TopEntry;
            _wrap = value;
            _left = 0;
            _rows = null;
            KeepInView(anchor);
        }
    }

    public bool ShowTimestamps
    {
        get => _timestamps;
        set
        {
            if (_timestamps == value)
                return;
            var anchor = TopEntry;
            _timestamps = value;
            _rows = null;
            KeepInView(anchor);
        }
    }

    /// <summary>The lines kept.</summary>
    public int LineCount => _entries.Count;

    /// <summary>Lines of the log before the first one kept (dropped to stay within <see cref="Capacity"/>, or never read).</summary>
    public long Dropped => _entries.Count > 0 ? _entries[0].Line.Sequence - 1 : 0;

    /// <summary>The sequence number of the newest line shown (0 for none): the next read asks for the lines after it.</summary>
    public long LastSequence => _last;

    /// <summary>The newest line kept, or null.</summary>
    public TaskLogLine? LastLine => _entries.Count > 0 ? _entries[^1].Line : null;

    /// <summary>The first row shown under the status row.</summary>
    public int TopRow => Math.Clamp(_follow ? MaxTop : _top, 0, MaxTop);

    /// <summary>True when the last row is in sight.</summary>
    public bool IsAtEnd => TopRow >= MaxTop;

    /// <summary>The status row: following or paused, the search, how many lines.</summary>
    public string Status
    {
        get
        {
            var left = _follow ? "LOG  following" : "LOG  paused (End follows)";
            if (_search.Length > 0)
                left += _matches.Count == 0 ? $"  /{_search}: no match" : $"  /{_search}: {MatchPosition + 1} of {_matches.Count}";
            var right = $"{_entries.Count.ToString("N0", CultureInfo.InvariantCulture)} lines";
            if (Dropped > 0)
                right += $" (the last {Capacity.ToString("N0", CultureInfo.InvariantCulture)} of {(Dropped + _entries.Count).ToString("N0", CultureInfo.InvariantCulture)})";
            return left + "  " + right;
        }
    }

    /// <summary>Learns the task's log blocks, which decide how far each line is indented.</summary>
    public void Learn(IReadOnlyList<TaskLogBlock> blocks)
    {
        var changed = false;
        foreach (var block in blocks)
        {
            if (_parents.TryGetValue(block.Id, out var parent) && parent == block.ParentId)
                continue;
            _parents[block.Id] = block.ParentId;
            changed = true;
        }

        if (!changed)
            return;
        // Lines of a block learned only now (a step that started after the task was read) take their indent.
        _blocks.Learn(blocks);
        _rows = null;
        SetNeedsDraw();
    }

    /// <summary>
    /// Stops following and scrolls so the first kept line of <paramref name="block"/> (or of a block under it) is at the
    /// top; false when no kept line belongs to it.
    /// </summary>
    public bool Reveal(string block)
    {
        var entry = _entries.FindIndex(e => Within(e.Line.Block, block));
        if (entry < 0)
            return false;
        Follow = false;
        _top = Math.Min(FirstRowOf(entry), MaxTop);
        SetNeedsDraw();
        return true;
    }

    private bool Within(string block, string ancestor)
    {
        for (var depth = 0; block.Length > 0 && depth < 8; depth++)
        {
            if (block == ancestor)
                return true;
            if (!_parents.TryGetValue(block, out var parent))
                return false;
            block = parent;
        }

        return false;
    }

    /// <summary>Adds the lines newer than the newest shown; true when any was added (and the view will redraw).</summary>
    public bool Append(IReadOnlyList<TaskLogLine> lines)
    {
        var first = _entries.Count;
        foreach (var line in lines)
        {
            if (line.Sequence <= _last)
                continue;
            _last = line.Sequence;
            _entries.Add(new Entry(line, Clean(line.Text)));
        }

        if (_entries.Count == first)
            return false;

        FindMatches(first);
        var excess = _entries.Count - Capacity;
        if (excess > 0)
            Trim(excess);
        else if (_rows is not null)
        {
            for (var i = first; i < _entries.Count; i++)
                AddRows(i);
        }

        if (_follow)
            _top = MaxTop;
        SetNeedsDraw();
        return true;
    }

    /// <summary>The text of the rows now in sight, as drawn (without colour).</summary>
    public IReadOnlyList<string> VisibleRows()
    {
        var rows = new List<string>();
        var width = Math.Max(1, Viewport.Width);
        for (var row = TopRow; row < RowCount && rows.Count < LogRows; row++)
            rows.Add(Fit(RowText(row, width), width).TrimEnd());
        return rows;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorUp)
            ScrollBy(-1);
        else if (key == Key.CursorDown)
            ScrollBy(1);
        else if (key == Key.PageUp)
            ScrollBy(-Math.Max(1, LogRows - 1));
        else if (key == Key.PageDown)
            ScrollBy(Math.Max(1, LogRows - 1));
        else if (key == Key.Home)
        {
            Follow = false;
            _top = 0;
            SetNeedsDraw();
        }
        else if (key == Key.End)
        {
            Follow = true;
            _top = MaxTop;
            SetNeedsDraw();
        }
        else if (key == Key.CursorLeft && !_wrap)
        {
            _left = Math.Max(0, _left - SidewaysStep);
            SetNeedsDraw();
        }
        else if (key == Key.CursorRight && !_wrap)
        {
            _left += SidewaysStep;
            SetNeedsDraw();
        }
        else if (key == Key.CursorLeft || key == Key.CursorRight)
        {
            // Wrapped lines have nothing to scroll sideways to; left to Terminal.Gui, the arrows would move the focus
            // to the next or previous view, away from the log.
        }
        else
        {
            return base.OnKeyDown(key);
        }

        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        // The wheel scrolls three rows at a time, as terminals do; up stops following like the arrow keys.
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
            ScrollBy(-3);
        else if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
            ScrollBy(3);
        else
            return base.OnMouseEvent(mouse);
        return true;
    }

    /// <summary>Scrolls by <paramref name="rows"/>; scrolling up stops following.</summary>
    public void ScrollBy(int rows)
    {
        if (rows < 0)
            Follow = false;
        var top = Math.Clamp(TopRow + rows, 0, MaxTop);
        if (top == _top && !_follow)
            return;
        _top = top;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var height = Viewport.Height;
        EnsureRows(width);
        _top = TopRow;
        var normal = GetAttributeForRole(VisualRole.Normal);
        Move(0, 0);
        SetAttribute(GetAttributeForRole(VisualRole.HotNormal));
        AddStr(Fit(Status, width));
        for (var y = 1; y < height; y++)
        {
            var row = _top + y - 1;
            Move(0, y);
            if (row >= RowCount)
            {
                SetAttribute(normal);
                AddStr(Fit(_entries.Count == 0 && y == 1 ? "(no log lines yet)" : "", width));
                continue;
            }

            var entry = RowEntry(row);
            SetAttribute(entry == _selected ? GetAttributeForRole(VisualRole.Focus) : AttributeFor(_entries[entry].Line.Level, normal));
            AddStr(Fit(RowText(row, width), width));
        }

        return true;
    }

    private Attribute AttributeFor(TaskLogLevel level, Attribute normal) =>
        _color && Tones.Foreground(LogViewMarks.Tone(level)) is { } foreground ? new Attribute(new Color(foreground), normal.Background) : normal;

    private void Trim(int excess)
    {
        var anchor = TopEntry;
        _entries.RemoveRange(0, excess);
        _rows = null;
        ShiftMatches(excess);
        _top = FirstRowOf(Math.Max(0, anchor - excess));
    }

    private void KeepInView(int entry)
    {
        _top = _follow ? MaxTop : Math.Min(FirstRowOf(entry), MaxTop);
        SetNeedsDraw();
    }

    private static string Fit(string text, int width) =>
        width <= 0 ? "" : text.Length >= width ? text[..width] : text + new string(' ', width - text.Length);

    /// <summary>Tabs become spaces and other control characters are dropped, so a line cannot move the cursor.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        return string.Concat(text.Replace("\t", "    ", StringComparison.Ordinal).Where(c => !char.IsControl(c)));
    }

    private sealed record Entry(TaskLogLine Line, string Text);
}
