namespace OctoLite.Domain;

/// <summary>
/// A manual intervention a task waits on (Octopus's InterruptionResource, id "Interruptions-N"): the step's
/// instructions, who may act, and once resolved, who did what and why.
/// </summary>
internal sealed record Interruption
{
    public string Id { get; init; } = "";
    public string StepId { get; init; } = "";
    public string StepName { get; init; } = "";
    public string Instructions { get; init; } = "";
    public IReadOnlyList<string> ResponsibleTeams { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    /// <summary>"Proceed" or "Abort" once resolved; empty while pending.</summary>
    public string Result { get; init; } = "";
    public string ResolvedBy { get; init; } = "";
    public DateTimeOffset? Resolved { get; init; }
    public string Note { get; init; } = "";

    public bool IsPending => Result.Length == 0;
}
