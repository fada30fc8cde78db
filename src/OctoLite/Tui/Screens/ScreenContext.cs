using OctoLite.Tui.Data;

namespace OctoLite.Tui.Screens;

/// <summary>What every screen is built with.</summary>
internal sealed record ScreenContext(TuiApi Api, IShell Shell, TuiOptions Options)
{
    public Symbols Symbols { get; } = new(Options.Unicode);
}
