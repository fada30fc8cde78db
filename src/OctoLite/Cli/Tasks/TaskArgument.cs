using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Tasks;

internal static class TaskArgument
{
    public static Argument<string> Create() => new("task") { Description = "The task's id, e.g. ServerTasks-12 or just 12" };

    /// <summary>The API path of one task, or of something under it when <paramref name="under"/> is given (e.g. "/artifacts").</summary>
    public static string Path(string task, string under = "") => $"api/tasks/{OctoLiteClient.Segment(task)}{under}";
}
