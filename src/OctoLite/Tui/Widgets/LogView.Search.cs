using OctoLite.Domain;

namespace OctoLite.Tui.Widgets;

/// <summary>Searching the kept lines: every line containing the text (ignoring case) is a match; one is selected and in sight.</summary>
internal sealed partial class LogView
{
    private readonly List<int> _matches = [];
    private string _search = "";
    private int _selected = -1;

    /// <summary>The text searched for ("" for none).</summary>
    public string Search => _search;

    public int MatchCount => _matches.Count;

    /// <summary>Which match is selected (0 for the first), or -1.</summary>
    public int SelectedMatch => MatchPosition;

    /// <summary>The selected match's line, or null.</summary>
    public TaskLogLine? SelectedLine => _selected >= 0 ? _entries[_selected].Line : null;

    private int MatchPosition => _selected < 0 ? -1 : _matches.BinarySearch(_selected);

    /// <summary>
    /// Searches for <paramref name="text"/> and selects the first match at or below the top of the view (else the first
    /// one), which stops following so it stays in sight. Empty text ends the search.
    /// </summary>
    public void SetSearch(string text)
    {
        text ??= "";
        if (text == _search)
            return;
        _search = text;
        _matches.Clear();
        _selected = -1;
        if (text.Length > 0)
        {
            FindMatches(0);
            if (_matches.Count > 0)
            {
                var top = TopEntry;
                Select(_matches.FirstOrDefault(m => m >= top, _matches[0]));
            }
        }

        SetNeedsDraw();
    }

    /// <summary>Selects the next match (after the last, the first); false when there is none.</summary>
    public bool NextMatch() => Step(+1);

    /// <summary>Selects the previous match (before the first, the last); false when there is none.</summary>
    public bool PreviousMatch() => Step(-1);

    private bool Step(int by)
    {
        if (_matches.Count == 0)
            return false;
        var position = MatchPosition;
        var next = position < 0 ? (by > 0 ? 0 : _matches.Count - 1) : (position + by + _matches.Count) % _matches.Count;
        Select(_matches[next]);
        return true;
    }

    private void Select(int entry)
    {
        _selected = entry;
        Follow = false;
        var row = FirstRowOf(entry);
        if (row < _top || row >= _top + LogRows)
            _top = Math.Clamp(row - LogRows / 3, 0, MaxTop);
        SetNeedsDraw();
    }

    private void FindMatches(int from)
    {
        if (_search.Length == 0)
            return;
        for (var i = from; i < _entries.Count; i++)
        {
            if (_entries[i].Line.Text.Contains(_search, StringComparison.OrdinalIgnoreCase))
                _matches.Add(i);
        }
    }

    /// <summary>After the oldest <paramref name="removed"/> lines were dropped: matches among them go, the rest move up.</summary>
    private void ShiftMatches(int removed)
    {
        _matches.RemoveAll(m => m < removed);
        for (var i = 0; i < _matches.Count; i++)
            _matches[i] -= removed;
        _selected = _selected >= removed ? _selected - removed : -1;
    }
}
