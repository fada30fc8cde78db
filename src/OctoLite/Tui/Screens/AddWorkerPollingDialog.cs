using OctoLite.Domain;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>The add-worker wizard's step for a polling tentacle: the name it will register with, and its pools.</summary>
internal sealed class AddWorkerPollingDialog : Dialog
{
    private readonly IReadOnlyList<WorkerPool> _pools;
    private readonly IReadOnlyList<CheckBox> _boxes;

    public AddWorkerPollingDialog(IReadOnlyList<WorkerPool> pools, IReadOnlyCollection<string> ticked)
    {
        _pools = pools;
        Title = "Add a worker (2/2): polling tentacle";
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label
        {
            X = 1,
            Y = 0,
            Text = "A polling tentacle registers itself from the worker machine.\n"
                + "Name it and choose its pools; the next step shows the commands to run there.",
        });
        NameField = new TextField { X = 14, Y = 3, Width = 40 };
        Add(new Label { Text = "Name:", X = 1, Y = 3 }, NameField);
        Add(new Label { Text = "Pools (Space ticks):", X = 1, Y = 5 });
        _boxes = WorkerPoolsDialog.AddChecks(this, pools, ticked, x: 3, y: 6);
        AddButton(new Button { Text = "Cancel" });
        AddButton(new Button { Text = "Next", IsDefault = true });
    }

    public TextField NameField { get; }

    /// <summary>The pools' check boxes, in the pools' order.</summary>
    public IReadOnlyList<CheckBox> Boxes => _boxes;

    /// <summary>The name and the ticked pools' ids, or null when cancelled; read after the dialog closed.</summary>
    public (string Name, IReadOnlyList<string> PoolIds)? Values { get; private set; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        if (!newIsRunning)
            Values = Canceled ? null : (NameField.Text.Trim(), WorkerPoolsDialog.Ticked(_pools, _boxes));
        base.OnIsRunningChanged(newIsRunning);
    }
}
