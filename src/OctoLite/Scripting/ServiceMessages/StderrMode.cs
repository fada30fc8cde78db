namespace OctoLite.Scripting.ServiceMessages;

/// <summary>How following stderr lines are logged, set by the <c>stderr-*</c> messages until the next one.</summary>
internal enum StderrMode
{
    /// <summary><c>stderr-default</c> or <c>stderr-error</c>: errors.</summary>
    Error,

    /// <summary><c>stderr-progress</c>: verbose, for tools that write progress on stderr.</summary>
    Progress,

    /// <summary><c>stderr-ignore</c>: dropped.</summary>
    Ignore,
}
