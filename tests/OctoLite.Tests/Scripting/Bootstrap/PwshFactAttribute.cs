using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Bootstrap;

/// <summary>
/// A fact that needs PowerShell 7. Workers need not have pwsh, so on a developer machine without it the test is
/// skipped with the reason shown. In CI (<c>CI=true</c>) .ci/run puts the repository's local pwsh on the PATH,
/// so there a missing pwsh is a fault: the test runs and fails rather than passing silently.
/// </summary>
public sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
    {
        if (ExecutableSearch.Find("pwsh", Environment.GetEnvironmentVariable("PATH")) is null
            && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "pwsh (PowerShell 7) is not on this machine's PATH; PowerShell steps are optional on workers, so this test only runs where pwsh is installed (CI provides it).";
    }
}
