using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Bootstrap;

public sealed class PowerShellBootstrapTests
{
    [PwshFact]
    public async Task Helpers_PrintOctopusServiceMessages_AndReadEveryVariableExactly()
    {
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(
            ScriptSyntax.PowerShell, temp.Path, HelperScripts.For(ScriptSyntax.PowerShell), HelperScripts.Variables, TestTimeout.Token(120));

        BootstrapRun.AssertHelperOutput(ScriptSyntax.PowerShell, temp.Path, exitCode, output);
    }

    [PwshFact]
    public async Task Script_EndsWithExitCodeOne_WhenAnErrorIsNotCaught()
    {
        using var temp = new TempDirectory();

        var (exitCode, output) = await BootstrapRun.RunAsync(
            ScriptSyntax.PowerShell, temp.Path, "Write-Host before\nthrow 'boom'\nWrite-Host after", new Dictionary<string, string>(), TestTimeout.Token(120));

        Assert.Equal(1, exitCode);
        Assert.Equal(["before"], output.StdOut);
        Assert.Contains(output.StdErr, l => l.Contains("boom", StringComparison.Ordinal));
    }

    [PwshFact]
    public async Task Script_EndsWithTheLastNativeExitCode_WhenItDoesNotExit()
    {
        using var temp = new TempDirectory();

        var (exitCode, _) = await BootstrapRun.RunAsync(
            ScriptSyntax.PowerShell, temp.Path, "/bin/sh -c 'exit 3'", new Dictionary<string, string>(), TestTimeout.Token(120));

        Assert.Equal(3, exitCode);
    }
}
