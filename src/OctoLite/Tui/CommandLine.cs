using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui;

/// <summary>
/// A one-line prompt (":" for commands, "/" for filters), hidden until opened. Enter hands the typed text to
/// <see cref="Submitted"/>; Esc closes it and raises <see cref="Cancelled"/> (and must not reach the window, where
/// Esc goes back); each edit raises <see cref="Changed"/>.
/// </summary>
internal sealed class CommandLine : View
{
    private readonly TextField _field;

    public CommandLine(string prompt = ":")
    {
        Width = Dim.Fill();
        Height = 1;
        Visible = false;
        CanFocus = true;

        var label = new Label { Text = prompt };
        _field = new TextField { X = Pos.Right(label), Width = Dim.Fill() };
        _field.KeyDown += OnFieldKeyDown;
        _field.TextChanged += (_, _) =>
        {
            if (IsOpen)
                Changed?.Invoke(_field.Text ?? "");
        };
        Add(label, _field);
    }

    /// <summary>Raised with the typed text (without the prompt) when the user presses Enter.</summary>
    public event Action<string>? Submitted;

    /// <summary>Raised with the text after each edit while open.</summary>
    public event Action<string>? Changed;

    /// <summary>Raised when the user closes the prompt with Esc.</summary>
    public event Action? Cancelled;

    public bool IsOpen => Visible;

    public void Open(string text = "")
    {
        Visible = true;
        _field.Text = text;
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
            var text = _field.Text ?? "";
            Close();
            Submitted?.Invoke(text);
            key.Handled = true;
        }
        else if (key == Key.Esc)
        {
            Close();
            Cancelled?.Invoke();
            key.Handled = true;
        }
    }
}
