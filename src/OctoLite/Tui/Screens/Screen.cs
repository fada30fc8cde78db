using OctoLite.Tui.Data;
using Terminal.Gui.ViewBase;

namespace OctoLite.Tui.Screens;

/// <summary>
/// One screen of the shell (pools, workers, a task…). It loads its data off the UI thread with
/// <see cref="LoadAsync"/>, whose result is an update applied on the UI thread, and names its keys for the hints,
/// the help and the readonly rule.
/// </summary>
internal abstract class Screen : View
{
    protected Screen(ScreenContext context)
    {
        Context = context;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected ScreenContext Context { get; }

    protected TuiApi Api => Context.Api;

    protected IShell Shell => Context.Shell;

    protected Symbols Symbols => Context.Symbols;

    /// <summary>The screen's name in the frame, e.g. "Worker Pools" or "Task ServerTasks-12".</summary>
    public abstract string Caption { get; }

    /// <summary>The screen's own keys (beside the shell's); mutating ones are left out under <c>--readonly</c>.</summary>
    public virtual IReadOnlyList<ScreenKey> Keys => [];

    /// <summary>True when <c>/</c> filters this screen; the text goes to <see cref="ApplyFilter"/>.</summary>
    public virtual bool CanFilter => false;

    /// <summary>What <c>/</c> is called in the hints on this screen: "Filter" for tables, e.g. "Search" for a log.</summary>
    public virtual string FilterLabel => "Filter";

    /// <summary>The filter now applied ("" for none).</summary>
    public virtual string Filter => "";

    public virtual void ApplyFilter(string text)
    {
    }

    /// <summary>
    /// Reads what the screen shows from the server. Runs on the thread pool; the returned action runs on the UI
    /// thread and updates the views (it should change nothing when nothing changed, so an idle screen is not redrawn).
    /// </summary>
    public abstract Task<Action> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Handles Esc inside the screen (e.g. closing a search); true when it did. Otherwise Esc goes back.
    /// </summary>
    public virtual bool HandleEscape() => false;

    /// <summary>
    /// Called by the shell when this screen comes to the top (first shown, or back to it after Esc), on the UI thread.
    /// A screen that keeps something live (e.g. a log stream) starts or resumes it here.
    /// </summary>
    public virtual void OnShown()
    {
    }

    /// <summary>
    /// Called by the shell when another screen covers this one (it stays on the stack, hidden) or just before it is
    /// closed, on the UI thread. A screen stops here whatever it keeps live, so hidden screens cost nothing.
    /// </summary>
    public virtual void OnHidden()
    {
    }

    /// <summary>The keys the user may use now: all of them, or under <c>--readonly</c> the ones that change nothing.</summary>
    public IReadOnlyList<ScreenKey> AllowedKeys => Context.Options.ReadOnly ? Keys.Where(k => !k.Mutates).ToList() : Keys;
}
