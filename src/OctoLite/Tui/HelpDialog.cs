using System.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>Lists the key bindings; closes on Enter, Esc or its button.</summary>
internal sealed class HelpDialog : Dialog
{
    public HelpDialog()
    {
        Title = "OctoLite keys";
        // Runnables copy their title to the terminal's window title and never put the old one back.
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label { Text = Describe(ShellKeyMap.Bindings), X = 1, Y = 1, Width = Dim.Auto() + 1 });
        AddButton(new Button { Text = "Close" });
    }

    /// <summary>The bindings as aligned "keys   description" lines.</summary>
    public static string Describe(IReadOnlyList<ShellBinding> bindings)
    {
        var width = bindings.Max(b => b.Keys.Length);
        var text = new StringBuilder();
        foreach (var binding in bindings)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append(binding.Keys.PadRight(width + 3)).Append(binding.Description);
        }

        return text.ToString();
    }
}
