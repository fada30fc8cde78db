using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OctoLite.Tui.Widgets;

/// <summary>Turns a <see cref="Tone"/> into a scheme drawn over a view's own background.</summary>
internal static class Tones
{
    public static ColorName16? Foreground(Tone tone) => tone switch
    {
        Tone.Good => ColorName16.BrightGreen,
        Tone.Warning => ColorName16.BrightYellow,
        Tone.Bad => ColorName16.BrightRed,
        Tone.Dim => ColorName16.DarkGray,
        Tone.Highlight => ColorName16.BrightCyan,
        _ => null,
    };

    /// <summary>The view's scheme with the tone's foreground, or null (the view's own) for Normal or when colour is off.</summary>
    public static Scheme? SchemeFor(View view, Tone tone, bool color)
    {
        if (!color || Foreground(tone) is not { } foreground)
            return null;

        var normal = view.GetAttributeForRole(VisualRole.Normal);
        var tinted = new Attribute(new Color(foreground), normal.Background);
        return new Scheme(view.GetScheme()) { Normal = tinted };
    }
}
