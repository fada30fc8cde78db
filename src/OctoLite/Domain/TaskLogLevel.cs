namespace OctoLite.Domain;

/// <summary>Levels of task log lines, as Octopus shows them.</summary>
internal enum TaskLogLevel
{
    Verbose,
    Info,
    Highlight,
    Wait,
    Warning,
    Error,
    Fatal,
}
