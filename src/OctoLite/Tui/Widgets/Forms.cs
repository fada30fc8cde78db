using System.Globalization;
using System.Text.Json.Nodes;
using Terminal.Gui.App;

namespace OctoLite.Tui.Widgets;

/// <summary>Small helpers for asking the user for values.</summary>
internal static class Forms
{
    /// <summary>Shows a <see cref="FormDialog"/> and returns what was typed, or null when cancelled (or no app).</summary>
    public static IReadOnlyList<string>? Ask(IApplication? app, string title, IReadOnlyList<FormField> fields)
    {
        if (app is null)
            return null;

        using var dialog = new FormDialog(title, fields);
        app.Run(dialog);
        return dialog.Values;
    }

    /// <summary>Reads an optional lease cap: empty is none (JSON null), else a whole number of at least 1.</summary>
    public static bool TryCap(string text, out JsonNode? cap, out string problem)
    {
        cap = null;
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
            return true;

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            cap = JsonValue.Create(value);
            return true;
        }

        problem = $"Max leases must be a whole number of at least 1, or empty for no cap (got '{text.Trim()}'). Nothing was changed.";
        return false;
    }
}
