using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Bootstrap;

/// <summary>
/// A fact that needs PowerShell 7. Workers need not have pwsh (nor does CI), so the test is skipped, with the
/// reason shown, wherever pwsh is not on the PATH.
/// </summary>
public sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
    {
        if (ExecutableSearch.Find("pwsh", Environment.GetEnvironmentVariable("PATH")) is null)
            Skip = "pwsh (PowerShell 7) is not on this machine's PATH; PowerShell steps are optional on workers, so this test only runs where pwsh is installed.";
    }
}
