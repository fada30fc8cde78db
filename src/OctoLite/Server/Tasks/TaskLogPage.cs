using OctoLite.Domain;

namespace OctoLite.Server.Tasks;

/// <summary>
/// A page of a task's log: the lines after the sequence asked for, <see cref="Next"/> to ask after next time, and
/// whether the log is complete (the task has ended and every line has been read).
/// </summary>
internal sealed record TaskLogPage(string TaskId, TaskState State, IReadOnlyList<TaskLogLine> Lines, long Next, bool IsComplete);
