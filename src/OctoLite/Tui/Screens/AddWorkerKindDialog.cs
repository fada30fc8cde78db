using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Screens;

/// <summary>
/// The add-worker wizard's first step: how the server reaches the new worker. SSH is shown, disabled, until that
/// transport arrives.
/// </summary>
internal sealed class AddWorkerKindDialog : Dialog
{
    // Button order: Cancel, SSH, Polling, Listening (the default, last).
    private const int PollingButton = 2;
    private const int ListeningButton = 3;

    public AddWorkerKindDialog()
    {
        Title = "Add a worker (1/2): kind";
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label
        {
            X = 1,
            Y = 0,
            Text = "How does the server reach the new worker?\n\n"
                + "Listening  the server calls a tentacle listening on the worker (port 10933)\n"
                + "Polling    a tentacle on the worker calls this server (no inbound port)\n"
                + "SSH        over SSH: arrives in a later version of OctoLite",
        });
        AddButton(new Button { Text = "Cancel" });
        Ssh = new Button { Text = "SSH (later)", Enabled = false };
        AddButton(Ssh);
        Polling = new Button { Text = "_Polling" };
        AddButton(Polling);
        Listening = new Button { Text = "_Listening", IsDefault = true };
        AddButton(Listening);
    }

    public Button Listening { get; }

    public Button Polling { get; }

    /// <summary>The SSH choice: shown, never enabled (yet).</summary>
    public Button Ssh { get; }

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        base.OnIsRunningChanged(newIsRunning);
        // Enter chooses Listening, as in the portal, not the first button (Cancel).
        if (newIsRunning)
            Listening.SetFocus();
    }

    /// <summary>The kind chosen, or null when cancelled.</summary>
    public AddWorkerKind? Kind => Result switch
    {
        ListeningButton => AddWorkerKind.Listening,
        PollingButton => AddWorkerKind.Polling,
        _ => null,
    };
}
