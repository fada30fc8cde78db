using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// A yes/no question whose default answer is No: Enter, Esc or <c>n</c> declines, only Yes (its button or <c>y</c>)
/// agrees. A stray Enter never deletes anything.
/// </summary>
internal sealed class ConfirmDialog : Dialog
{
    public ConfirmDialog(string title, string question)
    {
        Title = title;
        Border.Settings &= ~BorderSettings.TerminalTitle;
        Add(new Label { Text = question, X = 1, Y = 0, Width = Dim.Auto(maximumContentDim: 70) });
        var no = new Button { Text = "_No" };
        var yes = new Button { Text = "_Yes" };
        AddButton(no);
        AddButton(yes);
        // Adding buttons makes the last one the default; No is the default here, and has the focus.
        yes.IsDefault = false;
        no.IsDefault = true;
        no.SetFocus();
    }

    /// <summary>True when the user chose Yes.</summary>
    public bool Agreed => Result == 1;
}
