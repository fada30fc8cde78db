using System.Globalization;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// Rows: without wrapping, one per kept line; with wrapping, as many as the line needs at the width, computed once
/// per width and extended as lines arrive. Scrolling counts rows.
/// </summary>
internal sealed partial class LogView
{
    private int PrefixWidth => (_timestamps ? 9 : 0) + 2;

    private int LogRows => Math.Max(1, Viewport.Height - 1);

    private int MaxTop => Math.Max(0, RowCount - LogRows);

    private int RowCount
    {
        get
        {
            if (!_wrap)
                return _entries.Count;
            EnsureRows(Viewport.Width);
            return _rows!.Count;
        }
    }

    private int TopEntry => RowCount == 0 ? 0 : RowEntry(Math.Min(TopRow, RowCount - 1));

    private int RowEntry(int row) => _wrap ? _rows![row].Entry : row;

    private int FirstRowOf(int entry)
    {
        if (!_wrap)
            return entry;
        EnsureRows(Viewport.Width);
        var index = _rows!.FindIndex(r => r.Entry >= entry);
        return index < 0 ? Math.Max(0, _rows.Count - 1) : index;
    }

    private string RowText(int row, int width)
    {
        var (entryIndex, offset) = _wrap ? _rows![row] : (row, 0);
        var entry = _entries[entryIndex];
        var prefix = offset > 0
            ? new string(' ', PrefixWidth)
            : (_timestamps ? TimeZoneInfo.ConvertTime(entry.Line.Time, Time.LocalTimeZone).ToString("HH:mm:ss ", CultureInfo.InvariantCulture) : "") + _marks.For(entry.Line.Level) + (entryIndex == _selected ? _marks.Selected : " ");
        if (_wrap)
        {
            var wrapped = Body(entry);
            return prefix + wrapped.Substring(offset, Math.Min(TextWidth(width), wrapped.Length - offset));
        }

        var body = Body(entry);
        body = _left < body.Length ? body[_left..] : "";
        return prefix + body;
    }

    private int TextWidth(int width) => Math.Max(8, width - PrefixWidth);

    private void EnsureRows(int width)
    {
        if (!_wrap)
        {
            _rows = null;
            return;
        }

        var textWidth = TextWidth(width);
        if (_rows is not null && _rowsWidth == textWidth)
            return;
        _rows = new List<(int, int)>(_entries.Count);
        _rowsWidth = textWidth;
        for (var i = 0; i < _entries.Count; i++)
            AddRows(i);
    }

    private void AddRows(int entry)
    {
        var length = Body(_entries[entry]).Length;
        var offset = 0;
        do
        {
            _rows!.Add((entry, offset));
            offset += _rowsWidth;
        }
        while (offset < length);
    }

    /// <summary>The line's text indented under its step (two spaces a level below the task's own lines).</summary>
    private string Body(Entry entry)
    {
        var depth = Math.Max(0, _blocks.Depth(entry.Line.Block) - 1);
        return depth == 0 ? entry.Text : new string(' ', 2 * depth) + entry.Text;
    }
}
