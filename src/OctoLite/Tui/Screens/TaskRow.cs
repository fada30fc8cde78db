using OctoLite.Domain;

namespace OctoLite.Tui.Screens;

/// <summary>A task as the tasks table shows it: the task and its project's name.</summary>
internal sealed record TaskRow(ServerTask Task, string Project)
{
    /// <summary>The task's description without its project, which has a column of its own ("Run runbook Backup").</summary>
    public string Name => Project.Length > 0 && Task.Description.EndsWith($" of project {Project}", StringComparison.Ordinal)
        ? Task.Description[..^$" of project {Project}".Length]
        : Task.Description;

    /// <summary>Pairs tasks with their projects' names (the id when the project is unknown, empty when none).</summary>
    public static IReadOnlyList<TaskRow> Join(IReadOnlyList<ServerTask> tasks, IReadOnlyDictionary<string, string> projects) =>
        tasks.Select(t => new TaskRow(t, t.ProjectId.Length == 0 ? "" : projects.GetValueOrDefault(t.ProjectId, t.ProjectId))).ToList();
}
