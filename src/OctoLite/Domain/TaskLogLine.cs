namespace OctoLite.Domain;

/// <summary>
/// One line of a task's log. <see cref="Sequence"/> numbers the task's lines from 1 without gaps, so a reader
/// asks for the lines after the last one it has. <see cref="Block"/> places the line in the log's tree (see
/// <see cref="TaskLogBlock"/>): empty for the task itself.
/// </summary>
internal sealed record TaskLogLine
{
    public long Sequence { get; init; }
    public DateTimeOffset Time { get; init; }
    public TaskLogLevel Level { get; init; }
    public string Block { get; init; } = "";
    public string Text { get; init; } = "";
}
