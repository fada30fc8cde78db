namespace OctoLite.Scripting.Runner;

/// <summary>How a step ended.</summary>
internal enum StepOutcome
{
    Success,
    Failed,
    Canceled,
    TimedOut,
}

/// <summary>
/// A file the script asked to keep with <c>new_octopusartifact</c>: its full path (checked to be a regular file when
/// the script ended, symbolic links followed), the name to store it under (unique within the step, ignoring case)
/// and its length then.
/// </summary>
internal sealed record StepArtifact(string Path, string Name, long Length);

/// <summary>
/// The end of one step: outcome, the script's exit code whenever it ran (also when it was stopped: 128 + the signal,
/// e.g. 143 after SIGTERM, 137 after SIGKILL; null when it never started), an error message for anything but
/// success ("" on success; already masked), and the artifacts to collect before the working folder goes.
/// </summary>
internal sealed record StepRunResult(StepOutcome Outcome, int? ExitCode, string ErrorMessage, IReadOnlyList<StepArtifact> Artifacts);
