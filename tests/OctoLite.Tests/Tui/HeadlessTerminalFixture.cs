namespace OctoLite.Tests.Tui;

/// <summary>
/// Makes Terminal.Gui's drivers skip the real terminal (<c>DisableRealDriverIO=1</c>: no raw mode, no
/// escape sequences on the test host's console) while the Tui collection runs, then restores it.
/// </summary>
public sealed class HeadlessTerminalFixture : IDisposable
{
    private const string Variable = "DisableRealDriverIO";
    private readonly string? _previous = Environment.GetEnvironmentVariable(Variable);

    public HeadlessTerminalFixture() => Environment.SetEnvironmentVariable(Variable, "1");

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, _previous);
}
