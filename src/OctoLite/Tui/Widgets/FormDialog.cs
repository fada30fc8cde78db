using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// A dialog of labelled text fields with Cancel and OK; after it closes, <see cref="Values"/> holds what was typed,
/// or null when the user cancelled (Esc or Cancel).
/// </summary>
internal sealed class FormDialog : Dialog
{
    private readonly List<TextField> _fields = [];

    public FormDialog(string title, IReadOnlyList<FormField> fields)
    {
        Title = title;
        Border.Settings &= ~BorderSettings.TerminalTitle;
        var labelWidth = fields.Max(f => f.Label.Length) + 1;
        for (var i = 0; i < fields.Count; i++)
        {
            var label = new Label { Text = fields[i].Label + ":", X = 1, Y = i * 2 };
            var field = new TextField { Text = fields[i].Value, X = labelWidth + 2, Y = i * 2, Width = 40 };
            _fields.Add(field);
            Add(label, field);
            if (fields[i].Hint is { } hint)
                Add(new Label { Text = hint, X = labelWidth + 2, Y = i * 2 + 1 });
        }

        AddButton(new Button { Text = "Cancel" });
        AddButton(new Button { Text = "OK", IsDefault = true });
    }

    /// <summary>The fields' text in order, or null if the dialog was cancelled.</summary>
    public IReadOnlyList<string>? Values { get; private set; }

    /// <summary>The field views, in order (tests type into them).</summary>
    public IReadOnlyList<TextField> Fields => _fields;

    protected override void OnIsRunningChanged(bool newIsRunning)
    {
        if (!newIsRunning)
            Values = Canceled ? null : _fields.Select(f => f.Text ?? "").ToList();
        base.OnIsRunningChanged(newIsRunning);
    }
}

/// <summary>One field of a <see cref="FormDialog"/>: its label, starting text and an optional hint under it.</summary>
internal sealed record FormField(string Label, string Value = "", string? Hint = null);
