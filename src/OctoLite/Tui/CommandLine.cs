using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>
/// A one-line ":" prompt, hidden until opened. Enter hands the typed text to <see cref="Submitted"/>;
/// Esc closes it without running anything (and must not reach the window, where Esc quits).
/// </summary>
internal sealed class CommandLine : View
{
    private readonly TextField _field;

    public CommandLine()
    {
        Width = Dim.Fill();
        Height = 1;
        Visible = false;
        CanFocus = true;

        var prompt = new Label { Text = ":" };
        _field = new TextField { X = Pos.Right(prompt), Width = Dim.Fill() };
        _field.KeyDown += OnFieldKeyDown;
        Add(prompt, _field);
    }

    /// <summary>Raised with the typed text (without the ':') when the user presses Enter.</summary>
    public event Action<string>? Submitted;

    public bool IsOpen => Visible;

    public void Open()
    {
        _field.Text = string.Empty;
        Visible = true;
        _field.SetFocus();
    }

    public void Close()
    {
        Visible = false;
        SuperView?.SetFocus();
    }

    private void OnFieldKeyDown(object? sender, Key key)
    {
        if (key == Key.Enter)
        {
            var text = _field.Text;
            Close();
            Submitted?.Invoke(text);
            key.Handled = true;
        }
        else if (key == Key.Esc)
        {
            Close();
            key.Handled = true;
        }
    }
}
