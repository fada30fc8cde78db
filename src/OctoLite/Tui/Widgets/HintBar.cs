using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace OctoLite.Tui.Widgets;

/// <summary>
/// The keys of the screen shown, always in view at the foot of the shell: "key label" pairs, the keys in the hot
/// colour, wrapped onto a second line when one line is too narrow (an 80-column terminal).
/// </summary>
internal sealed class HintBar : View
{
    private const string Gap = "  ";
    private IReadOnlyList<(string Keys, string Label)> _hints = [];

    public HintBar()
    {
        Width = Dim.Fill();
        Height = 2;
    }

    /// <summary>The hints as "keys label", in order.</summary>
    public IReadOnlyList<string> Hints => _hints.Select(h => $"{h.Keys} {h.Label}").ToList();

    public void SetHints(IReadOnlyList<(string Keys, string Label)> hints)
    {
        if (hints.SequenceEqual(_hints))
            return;
        _hints = hints;
        SetNeedsDraw();
    }

    /// <summary>The hints laid out in lines of at most <paramref name="width"/> columns (at most two lines; the rest is cut).</summary>
    public static IReadOnlyList<IReadOnlyList<(string Keys, string Label)>> Layout(IReadOnlyList<(string Keys, string Label)> hints, int width)
    {
        var lines = new List<IReadOnlyList<(string Keys, string Label)>>();
        var line = new List<(string Keys, string Label)>();
        var used = 0;
        foreach (var hint in hints)
        {
            var size = hint.Keys.Length + 1 + hint.Label.Length;
            var needed = line.Count == 0 ? size : used + Gap.Length + size;
            if (line.Count > 0 && needed > width)
            {
                lines.Add(line);
                line = [];
                needed = size;
            }

            line.Add(hint);
            used = needed;
        }

        if (line.Count > 0)
            lines.Add(line);
        return lines.Take(2).ToList();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var hot = GetAttributeForRole(VisualRole.HotNormal);
        var width = Viewport.Width;
        var lines = Layout(_hints, width);
        for (var y = 0; y < Viewport.Height; y++)
        {
            Move(0, y);
            SetAttribute(normal);
            var x = 0;
            if (y < lines.Count)
            {
                foreach (var (keys, label) in lines[y])
                {
                    if (x > 0)
                    {
                        AddStr(Gap);
                        x += Gap.Length;
                    }

                    SetAttribute(hot);
                    AddStr(keys);
                    SetAttribute(normal);
                    AddStr(" " + label);
                    x += keys.Length + 1 + label.Length;
                }
            }

            if (x < width)
                AddStr(new string(' ', width - x));
        }

        return true;
    }
}
