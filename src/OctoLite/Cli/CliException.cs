namespace OctoLite.Cli;

/// <summary>A failure to report on stderr with a given exit code; never a stack trace.</summary>
internal sealed class CliException(int exitCode, string message, string? field = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The request field the server named as at fault, when it named one.</summary>
    public string? Field { get; } = field;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
