using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using OctoLite.Scripting.Processes;
using OctoLite.Tests.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Bootstrap;

/// <summary>Bootstraps a script and runs it for real through <see cref="ScriptProcess"/>.</summary>
internal static class BootstrapRun
{
    public static async Task<(int ExitCode, OutputRecorder Output)> RunAsync(
        ScriptSyntax syntax, string folder, string body, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var result = new ScriptBootstrapper().Prepare(syntax, folder, body, variables);
        Assert.True(result.Succeeded, result.Error);
        return await ScriptRun.RunAsync(new ScriptProcessStartInfo(result.Argv, folder), cancellationToken);
    }

    /// <summary>Asserts what <see cref="HelperScripts"/> must print, whatever the syntax.</summary>
    public static void AssertHelperOutput(ScriptSyntax syntax, string folder, int exitCode, OutputRecorder output)
    {
        var stdout = output.StdOut;
        var marker = stdout.ToList().IndexOf("---");
        Assert.True(marker >= 0, $"no marker in:\n{string.Join('\n', stdout)}\nstderr:\n{string.Join('\n', output.StdErr)}");

        var echoed = EncodedText.SetVariables(stdout.Take(marker), "Echo.");
        var expected = HelperScripts.Variables.Append(new(HelperScripts.Missing, "")).ToDictionary();
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), echoed.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(HelperScripts.ExpectedAfterMarker(folder), stdout.Skip(marker + 1));
        Assert.Equal(HelperScripts.FailStepExitCode(syntax), exitCode);
        Assert.Empty(output.StdErr);
    }
}
