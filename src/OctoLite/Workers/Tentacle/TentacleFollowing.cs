namespace OctoLite.Workers.Tentacle;

/// <summary>How the server follows one script on a tentacle: from its start or again after a restart, and what a stop means.</summary>
/// <param name="ResumeAfter">
/// Null to start the script. Otherwise the script was started by a server process that has since stopped: it is not
/// started again (an unknown ticket fails the step rather than run the script twice), its journal is read again from
/// the start, and the entries up to this sequence, already in the task's log, give only their output variables and
/// artifacts.
/// </param>
/// <param name="DetachOnStop">
/// Asked once the step's token is canceled: true when the server is stopping and the task will follow the script
/// again after the restart. The script is then left running (no cancel is sent) and the run ends
/// <see cref="TentacleRunResult.IsDetached"/>. Null or false: a stop cancels the script on the tentacle.
/// </param>
internal sealed record TentacleFollowing(long? ResumeAfter = null, Func<bool>? DetachOnStop = null)
{
    /// <summary>Start the script; any stop cancels it.</summary>
    public static TentacleFollowing Start { get; } = new();

    public bool IsResume => ResumeAfter is not null;
}
