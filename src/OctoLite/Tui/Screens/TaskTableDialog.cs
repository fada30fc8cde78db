using OctoLite.Tui.Widgets;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// A dialog listing a task's artifacts or output variables in a table. With an action button (e.g. "Save"), Enter on
/// a row or the button closes it with that row in <see cref="Chosen"/>; otherwise it only shows.
/// </summary>
internal sealed class TaskTableDialog<T> : Dialog where T : class
{
    private readonly bool _choosing;

    public TaskTableDialog(string title, IReadOnlyList<TableColumn<T>> columns, Func<T, string> key, IReadOnlyList<T> rows, bool color, string? action = null)
    {
        Title = title;
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Width = Dim.Percent(90);
        Height = Dim.Percent(70);
        _choosing = action is not null;
        Table = new ResourceTable<T>(columns, key, color) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        Table.SetRows(rows);
        Table.RowActivated += row =>
        {
            if (!_choosing)
                return;
            Chosen = row;
            App?.RequestStop(this);
        };
        Add(Table);
        AddButton(new Button { Text = "Close" });
        if (action is not null)
            AddButton(new Button { Text = action, IsDefault = true });
    }

    public ResourceTable<T> Table { get; }

    /// <summary>The row chosen (Enter on it, or the action button), or null when the dialog was closed.</summary>
    public T? Chosen { get; private set; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        if (!newIsRunning && _choosing && Chosen is null && !Canceled)
            Chosen = Table.Selected;
        base.OnIsRunningChanged(newIsRunning);
    }
}
