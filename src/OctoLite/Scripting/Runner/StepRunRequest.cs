using OctoLite.Domain;
using OctoLite.Scripting.Processes;
using OctoLite.Scripting.RunAs;
using OctoLite.Scripting.Variables;

namespace OctoLite.Scripting.Runner;

/// <summary>What one run-a-script step needs: the script before substitution, its variables and an empty working folder.</summary>
internal sealed record StepRunRequest
{
    public required ScriptSyntax Syntax { get; init; }

    /// <summary>The script body as written in the process; <c>#{Name}</c> references are substituted by the runner.</summary>
    public required string Script { get; init; }

    /// <summary>
    /// Project, system and earlier steps' output variables, with sensitive ones marked. The script reads them through
    /// its helper functions and as environment variables (see <see cref="StepRunner"/>); the runner does not change the set.
    /// </summary>
    public required ScriptVariableSet Variables { get; init; }

    /// <summary>
    /// An existing folder the step owns; the bootstrap files are written here and the script runs here. The runner
    /// deletes the files it wrote when the script ends; the folder and what the script left in it are the caller's.
    /// </summary>
    public required string WorkingFolder { get; init; }

    /// <summary>
    /// How long the script may run before it is terminated and the step ends <see cref="StepOutcome.TimedOut"/>;
    /// null for no limit. Not negative.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Time between SIGTERM and SIGKILL when the script is stopped. Default 10 seconds; not negative.</summary>
    public TimeSpan TerminationGrace { get; init; } = ScriptProcess.DefaultTerminationGrace;

    /// <summary>Where interpreters are looked for (colon-separated); null for the server's PATH.</summary>
    public string? SearchPath { get; init; }

    /// <summary>
    /// Given the argv the bootstrapper made, returns the argv to start (e.g. prefixed with a tool that sets limits).
    /// Null runs it as is. Applied before <see cref="RunAs"/>, whose <c>setpriv</c> comes first on the command line.
    /// </summary>
    public Func<IReadOnlyList<string>, IReadOnlyList<string>>? WrapCommand { get; init; }

    /// <summary>
    /// The account to run the script as, when it is not the server's; null (the default) runs it as the server's
    /// account, with nothing extra. When set (the server must be root): once the bootstrap files are written, they
    /// and <see cref="WorkingFolder"/> are handed over to the account (which must be able to reach the folder: see
    /// the built-in worker's layout); the script starts through <c>setpriv</c> with the account's user, group and
    /// supplementary groups (<see cref="RunAsCommand"/>); HOME, USER, LOGNAME and TMPDIR are the account's; and
    /// only files the account can read become artifacts (<see cref="AccountFileAccess"/>).
    /// </summary>
    public RunAsAccount? RunAs { get; init; }

    /// <summary>
    /// Told the script's process group id as soon as the script runs (its process id, too), so that the caller can
    /// record it and stop the group if the server dies before the script ends.
    /// </summary>
    public Action<int>? Started { get; init; }
}
