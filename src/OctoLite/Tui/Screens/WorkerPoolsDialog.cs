using OctoLite.Domain;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// A check box per worker pool, those given ticked; Space ticks, Enter (OK) accepts. After it closes,
/// <see cref="Chosen"/> holds the ticked pools' ids in the pools' order, or null when cancelled.
/// </summary>
internal sealed class WorkerPoolsDialog : Dialog
{
    private readonly List<(WorkerPool Pool, CheckBox Box)> _boxes = [];

    public WorkerPoolsDialog(string title, IReadOnlyList<WorkerPool> pools, IReadOnlyCollection<string> ticked)
    {
        Title = title;
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label { Text = "Space ticks a pool; at least one.", X = 1, Y = 0 });
        _boxes.AddRange(pools.Zip(AddChecks(this, pools, ticked, x: 1, y: 2)));

        AddButton(new Button { Text = "Cancel" });
        AddButton(new Button { Text = "OK", IsDefault = true });
    }

    /// <summary>The check boxes, in the pools' order (tests tick them).</summary>
    public IReadOnlyList<CheckBox> Boxes => _boxes.Select(b => b.Box).ToList();

    /// <summary>The ticked pools' ids, or null when the dialog was cancelled.</summary>
    public IReadOnlyList<string>? Chosen { get; private set; }

    /// <summary>Shows the dialog; the ticked pools' ids, or null when cancelled (or no app).</summary>
    public static IReadOnlyList<string>? Choose(IApplication? app, string title, IReadOnlyList<WorkerPool> pools, IReadOnlyCollection<string> ticked)
    {
        if (app is null)
            return null;

        using var dialog = new WorkerPoolsDialog(title, pools, ticked);
        app.Run(dialog);
        return dialog.Chosen;
    }

    /// <summary>Adds a check box per pool to <paramref name="parent"/>, one a line from (x, y); those in <paramref name="ticked"/> ticked.</summary>
    public static IReadOnlyList<CheckBox> AddChecks(View parent, IReadOnlyList<WorkerPool> pools, IReadOnlyCollection<string> ticked, int x, int y)
    {
        var boxes = new List<CheckBox>();
        foreach (var pool in pools)
        {
            var box = new CheckBox { Text = pool.Name, X = x, Y = y++, Value = ticked.Contains(pool.Id) ? CheckState.Checked : CheckState.UnChecked };
            boxes.Add(box);
            parent.Add(box);
        }

        return boxes;
    }

    /// <summary>The ids of the pools whose box is ticked, in the pools' order.</summary>
    public static IReadOnlyList<string> Ticked(IReadOnlyList<WorkerPool> pools, IReadOnlyList<CheckBox> boxes) =>
        pools.Zip(boxes).Where(p => p.Second.Value == CheckState.Checked).Select(p => p.First.Id).ToList();

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        if (!newIsRunning)
            Chosen = Canceled ? null : Ticked(_boxes.Select(b => b.Pool).ToList(), _boxes.Select(b => b.Box).ToList());
        base.OnIsRunningChanged(newIsRunning);
    }
}
