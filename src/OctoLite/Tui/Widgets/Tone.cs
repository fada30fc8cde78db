namespace OctoLite.Tui.Widgets;

/// <summary>The colour a cell or log line takes; always paired with a symbol or word that says the same.</summary>
internal enum Tone
{
    Normal,
    Good,
    Warning,
    Bad,
    Dim,
    Highlight,
}
