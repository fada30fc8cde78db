using OctoLite.Domain;
using OctoLite.Scripting.Processes;

namespace OctoLite.Scripting.Bootstrap;

/// <summary>Finds the interpreter for each <see cref="ScriptSyntax"/> on this worker.</summary>
/// <param name="searchPath">The colon-separated folders to search, normally the server's PATH (which scripts also get).</param>
internal sealed class Interpreters(string? searchPath)
{
    /// <summary>The absolute path of the interpreter for <paramref name="syntax"/>, or null when the worker has none.</summary>
    public string? Find(ScriptSyntax syntax) => syntax switch
    {
        ScriptSyntax.Bash => ExecutableSearch.FindPreferring(["/bin/bash"], "bash", searchPath),
        ScriptSyntax.Sh => ExecutableSearch.FindPreferring(["/bin/sh"], "sh", searchPath),
        ScriptSyntax.Python => ExecutableSearch.Find("python3", searchPath),
        ScriptSyntax.PowerShell => ExecutableSearch.Find("pwsh", searchPath),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Unknown script syntax."),
    };

    /// <summary>The task-log message for a worker that lacks the interpreter for <paramref name="syntax"/>.</summary>
    public static string MissingMessage(ScriptSyntax syntax) => syntax switch
    {
        ScriptSyntax.Bash => "Bash steps need bash at /bin/bash or on the worker's PATH; it was not found.",
        ScriptSyntax.Sh => "Sh steps need /bin/sh or sh on the worker's PATH; it was not found.",
        ScriptSyntax.Python => "Python steps need python3 on the worker's PATH; it was not found.",
        ScriptSyntax.PowerShell => "PowerShell steps need pwsh (PowerShell 7) on the worker's PATH; it was not found.",
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Unknown script syntax."),
    };
}
