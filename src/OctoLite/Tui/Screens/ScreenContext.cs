using OctoLite.Domain;
using OctoLite.Tui.Data;

namespace OctoLite.Tui.Screens;

/// <summary>What every screen is built with.</summary>
internal sealed record ScreenContext(TuiApi Api, IShell Shell, TuiOptions Options)
{
    public Symbols Symbols { get; } = new(Options.Unicode);

    /// <summary>Opens the workers of a pool (set by the shell once the workers screen exists).</summary>
    public Action<WorkerPool>? OpenPoolWorkers { get; init; }
}
