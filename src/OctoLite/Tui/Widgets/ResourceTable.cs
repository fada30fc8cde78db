using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// A table of resources that is refreshed in place: new rows replace old ones without losing the selected row
/// (found again by key) or the scroll position, and nothing is redrawn when nothing changed. It filters its rows
/// by a case-insensitive text over every cell and sorts by a chosen column.
/// </summary>
/// <remarks>
/// Letters are left to the screen's key bindings (type-to-search is off). Enter raises <see cref="RowActivated"/>.
/// </remarks>
internal sealed class ResourceTable<T> : TableView where T : class
{
    private readonly IReadOnlyList<TableColumn<T>> _columns;
    private readonly Func<T, string> _key;
    private readonly bool _color;
    private List<Row> _all = [];
    private List<Row> _shown = [];
    private string _filter = "";
    private int? _sortColumn;
    private bool _sortDescending;

    public ResourceTable(IReadOnlyList<TableColumn<T>> columns, Func<T, string> key, bool color)
    {
        _columns = columns;
        _key = key;
        _color = color;
        Width = Dim.Fill();
        Height = Dim.Fill();
        FullRowSelect = true;
        MultiSelect = false;
        CollectionNavigator = null;
        Style.ShowHorizontalHeaderOverline = false;
        Style.ShowHorizontalBottomLine = false;
        Style.ShowVerticalCellLines = false;
        Style.ShowVerticalHeaderLines = false;
        Style.ShowHorizontalHeaderUnderline = true;
        Style.ExpandLastColumn = true;
        Style.AlwaysShowHeaders = true;
        Table = new Source(this);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var style = Style.GetOrCreateColumnStyle(i);
            if (column.MaxWidth is { } max)
                style.MaxWidth = max;
            if (column.Tone is { } tone)
            {
                var index = i;
                style.ColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _shown.Count
                    ? Tones.SchemeFor(this, _shown[args.RowIndex].Tones[index], _color)
                    : null;
            }
        }
    }

    /// <summary>Raised with the row's item when the user presses Enter on it.</summary>
    public event Action<T>? RowActivated;

    /// <summary>Raised when the selected row changes (by keys, mouse or a refresh that moved it).</summary>
    public event Action<T?>? SelectionMoved;

    /// <summary>The rows as shown: filtered and sorted.</summary>
    public IReadOnlyList<T> Shown => _shown.Select(r => r.Item).ToList();

    /// <summary>Every row last given to <see cref="SetRows"/>.</summary>
    public IReadOnlyList<T> All => _all.Select(r => r.Item).ToList();

    public T? Selected => SelectedIndex is { } i ? _shown[i].Item : null;

    public string Filter
    {
        get => _filter;
        set
        {
            var filter = value ?? "";
            if (filter == _filter)
                return;
            _filter = filter;
            Rebuild(keepKey: SelectedKey);
        }
    }

    /// <summary>The column rows are sorted by (null: the server's order), and its direction.</summary>
    public (int? Column, bool Descending) Sort => (_sortColumn, _sortDescending);

    /// <summary>Sorts by the next column (ascending, then descending, then the next column; after the last, the server's order).</summary>
    public void CycleSort()
    {
        if (_sortColumn is null)
        {
            (_sortColumn, _sortDescending) = (0, false);
        }
        else if (!_sortDescending)
        {
            _sortDescending = true;
        }
        else
        {
            _sortColumn = _sortColumn + 1 < _columns.Count ? _sortColumn + 1 : null;
            _sortDescending = false;
        }

        Rebuild(keepKey: SelectedKey);
    }

    /// <summary>Replaces the rows. Keeps the selected row (by key) and the scroll position; draws only if something changed.</summary>
    public void SetRows(IReadOnlyList<T> rows)
    {
        var fresh = rows.Select(r => new Row(r, _key(r), _columns.Select(c => c.Text(r) ?? "").ToArray(), _columns.Select(c => c.Tone?.Invoke(r) ?? Tone.Normal).ToArray())).ToList();
        if (fresh.Count == _all.Count && fresh.Zip(_all).All(p => p.First.SameAs(p.Second)))
        {
            // Same text and tones: keep the old items' identity out of it, but hand out the new objects.
            _all = fresh;
            _shown = Arrange(_all);
            return;
        }

        var key = SelectedKey;
        _all = fresh;
        Rebuild(key);
    }

    /// <summary>Moves the selection to the row with <paramref name="key"/>, if shown.</summary>
    public bool Select(string key)
    {
        var index = _shown.FindIndex(r => r.Key == key);
        if (index < 0)
            return false;
        SetSelection(0, index, false);
        EnsureCursorIsVisible();
        return true;
    }

    private string? SelectedKey => SelectedIndex is { } i ? _shown[i].Key : null;

    private int? SelectedIndex
    {
        get
        {
            var row = Value?.SelectedCell.Y ?? -1;
            return row >= 0 && row < _shown.Count ? row : null;
        }
    }

    private void Rebuild(string? keepKey)
    {
        var oldIndex = SelectedIndex ?? 0;
        var offset = RowOffset;
        _shown = Arrange(_all);
        var index = keepKey is null ? -1 : _shown.FindIndex(r => r.Key == keepKey);
        if (index < 0)
            index = Math.Min(oldIndex, Math.Max(0, _shown.Count - 1));

        RowOffset = Math.Max(0, Math.Min(offset, Math.Max(0, _shown.Count - 1)));
        if (_shown.Count > 0)
            SetSelection(0, index, false);
        EnsureValidScrollOffsets();
        EnsureCursorIsVisible();
        Update();
        SelectionMoved?.Invoke(Selected);
    }

    private List<Row> Arrange(List<Row> rows)
    {
        IEnumerable<Row> shown = rows;
        if (_filter.Length > 0)
            shown = shown.Where(r => r.Cells.Any(c => c.Contains(_filter, StringComparison.OrdinalIgnoreCase)));

        if (_sortColumn is { } column)
        {
            var comparer = new CellComparer(column);
            shown = _sortDescending ? shown.OrderByDescending(r => r, comparer) : shown.OrderBy(r => r, comparer);
        }

        return shown.ToList();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Enter)
        {
            if (Selected is { } item)
                RowActivated?.Invoke(item);
            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void OnValueChanged(Terminal.Gui.App.ValueChangedEventArgs<TableSelection?> args)
    {
        base.OnValueChanged(args);
        SelectionMoved?.Invoke(Selected);
    }

    private sealed record Row(T Item, string Key, string[] Cells, Tone[] Tones)
    {
        public bool SameAs(Row other) => Key == other.Key && Cells.AsSpan().SequenceEqual(other.Cells) && Tones.AsSpan().SequenceEqual(other.Tones);
    }

    /// <summary>Numbers compare as numbers, everything else as text ignoring case.</summary>
    private sealed class CellComparer(int column) : IComparer<Row>
    {
        public int Compare(Row? x, Row? y)
        {
            var a = x?.Cells[column] ?? "";
            var b = y?.Cells[column] ?? "";
            if (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var na)
                && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var nb))
                return na.CompareTo(nb);
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class Source(ResourceTable<T> table) : ITableSource
    {
        public object this[int row, int col] => table._shown[row].Cells[col];

        public string[] ColumnNames => table._columns.Select((c, i) => table._sortColumn == i ? c.Header + (table._sortDescending ? " v" : " ^") : c.Header).ToArray();

        public int Columns => table._columns.Count;

        public int Rows => table._shown.Count;
    }
}
