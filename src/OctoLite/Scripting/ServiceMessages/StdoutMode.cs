namespace OctoLite.Scripting.ServiceMessages;

/// <summary>How following stdout lines are logged, set by the <c>stdout-*</c> messages until the next one.</summary>
internal enum StdoutMode
{
    /// <summary><c>stdout-default</c>: info.</summary>
    Default,

    /// <summary><c>stdout-verbose</c>.</summary>
    Verbose,

    /// <summary><c>stdout-highlight</c>.</summary>
    Highlight,

    /// <summary><c>stdout-wait</c>: shown as a "waiting" note.</summary>
    Wait,

    /// <summary><c>stdout-warning</c>.</summary>
    Warning,

    /// <summary><c>stdout-error</c>: logged as an error; does not by itself fail the step.</summary>
    Error,

    /// <summary><c>stdout-ignore</c>: dropped.</summary>
    Ignore,
}
