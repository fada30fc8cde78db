using OctoLite.Domain;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The add-worker wizard's step for a listening tentacle: says how the tentacle comes to trust this server (its
/// thumbprint), then asks the tentacle's name, host, port and thumbprint, and its pools.
/// </summary>
internal sealed class AddWorkerListeningDialog : Dialog
{
    public const int DefaultPort = 10933;

    private readonly IReadOnlyList<WorkerPool> _pools;
    private readonly IReadOnlyList<CheckBox> _boxes;

    public AddWorkerListeningDialog(string serverThumbprint, IReadOnlyList<WorkerPool> pools, IReadOnlyCollection<string> ticked)
    {
        _pools = pools;
        Title = "Add a worker (2/2): listening tentacle";
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label
        {
            X = 1,
            Y = 0,
            Text = "On the worker, make the tentacle trust this server's certificate:\n"
                + $"  octolite tentacle configure --trust \\\n    {serverThumbprint}\n"
                + "and read the tentacle's thumbprint there: octolite tentacle show-thumbprint",
        });
        NameField = Field("Name", "", 5);
        HostField = Field("Host", "", 6);
        PortField = Field("Port", DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture), 7);
        ThumbprintField = Field("Thumbprint", "", 8);
        Add(new Label { Text = "Pools (Space ticks):", X = 1, Y = 10 });
        _boxes = WorkerPoolsDialog.AddChecks(this, pools, ticked, x: 3, y: 11);
        AddButton(new Button { Text = "Cancel" });
        AddButton(new Button { Text = "Register", IsDefault = true });
    }

    public TextField NameField { get; }

    public TextField HostField { get; }

    public TextField PortField { get; }

    public TextField ThumbprintField { get; }

    /// <summary>The pools' check boxes, in the pools' order.</summary>
    public IReadOnlyList<CheckBox> Boxes => _boxes;

    /// <summary>What was entered, or null when cancelled; read after the dialog closed.</summary>
    public (string Name, string Host, string Port, string Thumbprint, IReadOnlyList<string> PoolIds)? Values { get; private set; }

    private TextField Field(string label, string value, int y)
    {
        var field = new TextField { Text = value, X = 14, Y = y, Width = 44 };
        Add(new Label { Text = label + ":", X = 1, Y = y }, field);
        return field;
    }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        if (!newIsRunning)
        {
            Values = Canceled
                ? null
                : (NameField.Text.Trim(), HostField.Text.Trim(), PortField.Text.Trim(), ThumbprintField.Text.Trim(), WorkerPoolsDialog.Ticked(_pools, _boxes));
        }

        base.OnIsRunningChanged(newIsRunning);
    }
}
