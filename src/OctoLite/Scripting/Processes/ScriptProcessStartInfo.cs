namespace OctoLite.Scripting.Processes;

/// <summary>What to run for a step, and where.</summary>
/// <param name="Argv">
/// The program and its arguments, passed as they are (never through a shell). The program is looked up on the
/// child's PATH when it has no '/'.
/// </param>
/// <param name="WorkingDirectory">An existing folder the child starts in.</param>
internal sealed record ScriptProcessStartInfo(IReadOnlyList<string> Argv, string WorkingDirectory)
{
    /// <summary>Default for <see cref="MaxLineBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    /// <summary>
    /// Variables laid over the minimal environment of <see cref="ScriptEnvironment"/>; nothing else of the
    /// server's environment reaches the child. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Longer lines are delivered in pieces of at most this many bytes. Default <see cref="DefaultMaxLineBytes"/>.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>Clock for line timestamps and the termination grace period. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
