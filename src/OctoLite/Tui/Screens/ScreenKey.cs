using Terminal.Gui.Input;

namespace OctoLite.Tui.Screens;

/// <summary>
/// One key of a screen: what it is called in the hints and the help, what it does, and whether it changes the
/// server (then <c>--readonly</c> hides it and refuses it).
/// </summary>
/// <param name="Keys">The key as typed, e.g. "n", "D", "Enter" or "Ctrl+D".</param>
/// <param name="Label">The short hint in the status bar, e.g. "New".</param>
/// <param name="Description">The line in the help, e.g. "Create a worker pool".</param>
internal sealed record ScreenKey(string Keys, string Label, string Description, Action Run, bool Mutates = false)
{
    /// <summary>True when <paramref name="key"/> is this binding's key.</summary>
    /// <remarks>A single printable key is matched by the text it produces, as the shell's own keys are.</remarks>
    public bool Matches(Key key)
    {
        if (Keys.Length == 1)
            return !key.IsCtrl && !key.IsAlt && key.AsRune.Value == Keys[0];

        return Key.TryParse(Keys, out var parsed) && parsed == key;
    }
}
