namespace OctoLite.Acceptance.Support;

/// <summary>
/// A fact that drives the binary's terminal UI inside tmux. Skipped (with the reason) when the binary
/// is not given or tmux is missing on a developer machine; in CI (<c>CI=true</c> or
/// <c>OCTOLITE_REQUIRE_BINARY=1</c>) a missing tmux fails the test instead, since .ci/run installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TuiFactAttribute : FactAttribute
{
    public TuiFactAttribute()
    {
        if (OctoLiteBinary.SkipReason is { } reason)
            Skip = reason;
        else if (!Tmux.IsInstalled && !Tmux.Required)
            Skip = "tmux is not installed (apt-get install tmux); .ci/run installs it";
    }
}
