using OctoLite.Domain;
namespace OctoLite.Scripting.Bootstrap;

/// <summary>
/// Prepares a run-a-script step: writes the variables file, a bootstrap and the script into the step's working
/// folder, and returns the command that runs them (for <see cref="Processes.ScriptProcess"/>).
/// </summary>
/// <remarks>
/// <para>
/// Scripts reach variables through the Octopus helper functions of their language (see
/// <see cref="ShellBootstrap"/>, <see cref="PythonBootstrap"/>, <see cref="PowerShellBootstrap"/>), which read
/// <see cref="VariablesFile"/> and write service messages (<c>##octopus[setVariable name='…' value='…']</c> and
/// so on, values base64 of UTF-8) on stdout. Environment variables are not set here: that is the engine's part.
/// </para>
/// <para>
/// Nothing is added to the script's error handling (no <c>set -e</c>): as in Octopus, the script's exit code
/// decides whether the step failed. All files are mode 0600, owned by the server's account; running the step as
/// another account means handing them over first.
/// </para>
/// </remarks>
/// <param name="searchPath">Where interpreters are looked for: colon-separated folders. Default: the server's PATH.</param>
internal sealed class ScriptBootstrapper(string? searchPath = null)
{
    private readonly Interpreters interpreters = new(searchPath ?? Environment.GetEnvironmentVariable("PATH"));

    /// <summary>
    /// Writes the files for <paramref name="scriptBody"/> (already variable-substituted) into
    /// <paramref name="workingFolder"/> and returns the argv to run there. When the worker lacks the interpreter,
    /// writes nothing and returns a failed result whose error says which one is missing.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The working folder does not exist.</exception>
    /// <exception cref="ArgumentException">A variable name is empty.</exception>
    public BootstrapResult Prepare(ScriptSyntax syntax, string workingFolder, string scriptBody, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(scriptBody);
        ArgumentNullException.ThrowIfNull(variables);
        var folder = Path.GetFullPath(workingFolder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The step's working folder '{folder}' does not exist.");

        var interpreter = interpreters.Find(syntax);
        if (interpreter is null)
            return BootstrapResult.Failed(Interpreters.MissingMessage(syntax));

        var files = BootstrapFiles.In(folder, Extension(syntax));
        VariablesFile.Write(files.Variables, variables);
        var argv = syntax switch
        {
            ScriptSyntax.Python => PythonBootstrap.Write(interpreter, files, scriptBody),
            ScriptSyntax.PowerShell => PowerShellBootstrap.Write(interpreter, files, scriptBody),
            _ => ShellBootstrap.Write(interpreter, files, scriptBody),
        };
        return BootstrapResult.Ready(argv, [files.Variables, files.Bootstrap, files.Script]);
    }

    private static string Extension(ScriptSyntax syntax) => syntax switch
    {
        ScriptSyntax.Bash or ScriptSyntax.Sh => "sh",
        ScriptSyntax.Python => "py",
        ScriptSyntax.PowerShell => "ps1",
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Unknown script syntax."),
    };
}
