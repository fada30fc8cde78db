namespace OctoLite.Domain;

/// <summary>
/// A node of a task's hierarchical log (Octopus's activity log): the task is the root (id ""), each step a child,
/// each place a step runs (worker, or target when steps fan out) a child of its step.
/// </summary>
internal sealed record TaskLogBlock
{
    public string Id { get; init; } = "";
    public string ParentId { get; init; } = "";
    public string Name { get; init; } = "";
}
