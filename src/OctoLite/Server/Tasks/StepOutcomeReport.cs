using OctoLite.Scripting.Runner;

namespace OctoLite.Server.Tasks;

/// <summary>How one step ended, with the reason when it did not succeed.</summary>
internal sealed record StepOutcomeReport(StepOutcome Outcome, string Message)
{
    /// <summary>
    /// The step was waiting inside the server (a manual intervention) when the server began to stop: nothing of it
    /// ran anywhere, so it stays Running and the task can resume it after the restart.
    /// </summary>
    public bool Suspended { get; init; }

    public static StepOutcomeReport Success { get; } = new(StepOutcome.Success, "");
}
