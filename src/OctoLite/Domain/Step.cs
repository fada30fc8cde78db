namespace OctoLite.Domain;

/// <summary>
/// One step of a <see cref="DeploymentProcess"/>. Flattened from Octopus's step-with-actions: one
/// step is one action. New step kinds and options (worker pool, roles, start with previous…) are
/// added as properties with defaults, so older process files stay valid.
/// </summary>
internal sealed record Step
{
    /// <summary>Assigned by the server ("Steps-N") and kept across edits of the process for a step of the same name.</summary>
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public StepKind Kind { get; init; } = StepKind.RunScript;
    public ScriptSyntax Syntax { get; init; } = ScriptSyntax.Bash;
    /// <summary>The inline script body. Required for <see cref="StepKind.RunScript"/>.</summary>
    public string Script { get; init; } = "";
    /// <summary>How long the step may run before it is stopped and the task times out; null means no step timeout.</summary>
    public TimeSpan? Timeout { get; init; }
}
