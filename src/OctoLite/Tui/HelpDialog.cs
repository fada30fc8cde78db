using System.Text;
using OctoLite.Tui.Screens;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>Lists every key of the screen shown and of the shell, and the ":" commands; closes on Enter, Esc or its button.</summary>
internal sealed class HelpDialog : Dialog
{
    public HelpDialog(Screen? screen = null, bool readOnly = false)
    {
        Title = "OctoLite keys";
        // Runnables copy their title to the terminal's window title and never put the old one back.
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label { Text = Describe(screen, readOnly), X = 1, Y = 0, Width = Dim.Auto() + 1 });
        AddButton(new Button { Text = "Close" });
    }

    /// <summary>The text the dialog shows: the screen's keys, the shell's keys, then the commands.</summary>
    public static string Describe(Screen? screen, bool readOnly)
    {
        var rows = new List<(string Keys, string Description)>();
        if (screen is not null)
        {
            foreach (var key in screen.Keys)
                rows.Add((key.Keys, readOnly && key.Mutates ? key.Description + " (read-only: off)" : key.Description));
        }

        rows.AddRange(ShellKeyMap.Bindings.Select(b => (b.Keys, b.Description)));
        var width = rows.Max(r => r.Keys.Length);
        var text = new StringBuilder();
        foreach (var (keys, description) in rows)
            text.Append(keys.PadRight(width + 3)).Append(description).Append('\n');

        if (ScreenCatalog.Entries.Count > 0)
        {
            text.Append('\n').Append("Commands: ");
            text.Append(string.Join(", ", ScreenCatalog.Entries.Select(e => ":" + e.Name)));
            text.Append(", :q");
        }

        return text.ToString().TrimEnd('\n');
    }
}
