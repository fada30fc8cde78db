using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Scripting.Processes;

/// <summary>Runs a program to its end through <see cref="ScriptProcess"/> and keeps what it wrote.</summary>
internal static class ScriptRun
{
    public static async Task<(int ExitCode, OutputRecorder Output)> RunAsync(ScriptProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        var output = new OutputRecorder();
        await using var script = ScriptProcess.Start(startInfo, output.Record);
        var exitCode = await script.WaitForExitAsync(cancellationToken);
        return (exitCode, output);
    }

    public static Task<(int ExitCode, OutputRecorder Output)> BashAsync(string script, CancellationToken cancellationToken, string? workingDirectory = null) =>
        RunAsync(new ScriptProcessStartInfo(["/bin/bash", "-c", script], workingDirectory ?? Path.GetTempPath()), cancellationToken);
}
