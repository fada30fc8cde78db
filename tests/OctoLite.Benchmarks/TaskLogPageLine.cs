namespace OctoLite.Benchmarks;

/// <summary>The parts of a task log line the checks read.</summary>
internal sealed record TaskLogPageLine(long Sequence, string Text);
