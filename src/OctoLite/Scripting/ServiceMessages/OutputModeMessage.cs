namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// Reads the attribute-less <c>stdout-*</c> and <c>stderr-*</c> messages that switch how following lines
/// are logged (<c>write_verbose</c> and friends write <c>stdout-verbose</c>, the line, then <c>stdout-default</c>).
/// Attributes on them are ignored.
/// </summary>
internal static class OutputModeMessage
{
    /// <summary>True when <paramref name="message"/> is one of the <c>stdout-*</c> messages.</summary>
    public static bool TryGetStdoutMode(ServiceMessage message, out StdoutMode mode)
    {
        (var known, mode) = message.Name switch
        {
            ServiceMessageNames.StdoutDefault => (true, StdoutMode.Default),
            ServiceMessageNames.StdoutVerbose => (true, StdoutMode.Verbose),
            ServiceMessageNames.StdoutHighlight => (true, StdoutMode.Highlight),
            ServiceMessageNames.StdoutWait => (true, StdoutMode.Wait),
            ServiceMessageNames.StdoutWarning => (true, StdoutMode.Warning),
            ServiceMessageNames.StdoutError => (true, StdoutMode.Error),
            ServiceMessageNames.StdoutIgnore => (true, StdoutMode.Ignore),
            _ => (false, StdoutMode.Default),
        };
        return known;
    }

    /// <summary>True when <paramref name="message"/> is one of the <c>stderr-*</c> messages.</summary>
    public static bool TryGetStderrMode(ServiceMessage message, out StderrMode mode)
    {
        (var known, mode) = message.Name switch
        {
            ServiceMessageNames.StderrDefault or ServiceMessageNames.StderrError => (true, StderrMode.Error),
            ServiceMessageNames.StderrProgress => (true, StderrMode.Progress),
            ServiceMessageNames.StderrIgnore => (true, StderrMode.Ignore),
            _ => (false, StderrMode.Error),
        };
        return known;
    }

    /// <summary>The message name that switches stdout to <paramref name="mode"/>, e.g. for helper scripts.</summary>
    public static string NameOf(StdoutMode mode) => mode switch
    {
        StdoutMode.Verbose => ServiceMessageNames.StdoutVerbose,
        StdoutMode.Highlight => ServiceMessageNames.StdoutHighlight,
        StdoutMode.Wait => ServiceMessageNames.StdoutWait,
        StdoutMode.Warning => ServiceMessageNames.StdoutWarning,
        StdoutMode.Error => ServiceMessageNames.StdoutError,
        StdoutMode.Ignore => ServiceMessageNames.StdoutIgnore,
        _ => ServiceMessageNames.StdoutDefault,
    };
}
