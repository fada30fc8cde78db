namespace OctoLite.Benchmarks;

/// <summary>One page of <c>/api/tasks/{id}/log</c>: its lines, the sequence to ask after next, and whether the log is complete.</summary>
internal sealed record TaskLogPage(IReadOnlyList<TaskLogPageLine> Lines, long Next, bool IsComplete);
