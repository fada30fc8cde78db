namespace OctoLite.Scripting.Processes;

/// <summary>Which of a child process's output pipes a line came from.</summary>
internal enum OutputStream
{
    /// <summary>Standard output: where scripts write their log and service messages.</summary>
    StdOut,

    /// <summary>Standard error.</summary>
    StdErr,
}
