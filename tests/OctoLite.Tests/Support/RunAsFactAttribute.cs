using OctoLite.Scripting.Processes;
using OctoLite.Scripting.RunAs;

namespace OctoLite.Tests.Support;

/// <summary>
/// A fact that runs steps as a throwaway OS account (<see cref="ThrowawayUser"/>): it needs root, useradd and
/// setpriv. On a developer machine without them the test is skipped with the reason shown. In CI (<c>CI=true</c>)
/// the tests run as root in a Debian container, so there nothing is skipped: a missing piece fails the test
/// rather than letting it pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RunAsFactAttribute : FactAttribute
{
    public RunAsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (!RunAsAccount.ServerIsRoot)
            Skip = "Running steps as another account needs root, and the tests run as a normal user; CI runs them as root.";
        else if (ThrowawayUser.Tool("useradd") is null)
            Skip = "useradd (passwd package) is not installed, so no throwaway account can be made; CI has it.";
        else if (RunAsCommand.FindSetpriv(null) is null)
            Skip = "setpriv (util-linux) is not installed; CI has it.";
    }
}
