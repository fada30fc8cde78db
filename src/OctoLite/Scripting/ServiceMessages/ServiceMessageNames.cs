namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// The message names a script can write after <c>##octopus[</c>, spelled as Octopus's script helpers
/// write them. Names are compared ordinally (case-sensitive), as Calamari does; attribute names are not.
/// </summary>
internal static class ServiceMessageNames
{
    /// <summary><c>setVariable name value [sensitive]</c>: an output variable (<see cref="SetVariableMessage"/>).</summary>
    public const string SetVariable = "setVariable";

    /// <summary><c>createArtifact path [name] [length]</c>: a file to collect after the step (<see cref="CreateArtifactMessage"/>).</summary>
    public const string CreateArtifact = "createArtifact";

    /// <summary><c>progress percentage [message]</c>: a progress report (<see cref="ProgressMessage"/>).</summary>
    public const string Progress = "progress";

    /// <summary><c>mask value</c>: a value to mask in every log from now on (<see cref="MaskMessage"/>).</summary>
    public const string Mask = "mask";

    /// <summary>
    /// <c>resultMessage message</c>: the reason given to <c>fail_step</c>, which writes this message and then
    /// exits non-zero; the exit code, not this message, fails the step (<see cref="ResultMessage"/>).
    /// </summary>
    public const string ResultMessage = "resultMessage";

    /// <summary>Following stdout lines are logged as info (the default).</summary>
    public const string StdoutDefault = "stdout-default";

    /// <summary>Following stdout lines are logged as verbose.</summary>
    public const string StdoutVerbose = "stdout-verbose";

    /// <summary>Following stdout lines are logged as highlights.</summary>
    public const string StdoutHighlight = "stdout-highlight";

    /// <summary>Following stdout lines are logged as "waiting" notes.</summary>
    public const string StdoutWait = "stdout-wait";

    /// <summary>Following stdout lines are logged as warnings.</summary>
    public const string StdoutWarning = "stdout-warning";

    /// <summary>Following stdout lines are logged as errors.</summary>
    public const string StdoutError = "stdout-error";

    /// <summary>Following stdout lines are dropped.</summary>
    public const string StdoutIgnore = "stdout-ignore";

    /// <summary>Following stderr lines are logged as errors (the default).</summary>
    public const string StderrDefault = "stderr-default";

    /// <summary>Following stderr lines are logged as errors.</summary>
    public const string StderrError = "stderr-error";

    /// <summary>Following stderr lines are logged as verbose progress, not errors.</summary>
    public const string StderrProgress = "stderr-progress";

    /// <summary>Following stderr lines are dropped.</summary>
    public const string StderrIgnore = "stderr-ignore";
}
