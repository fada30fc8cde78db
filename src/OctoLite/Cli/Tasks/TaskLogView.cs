using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>
/// How a task log line looks: <c>HH:mm:ss  Level    text</c>, the text indented by its block's depth so each step's
/// heading ("Step 1: Name") stands above the lines of the worker that ran it.
/// </summary>
internal static class TaskLogView
{
    public static string Line(TaskLogLine line, TaskLogBlocks blocks, TimeProvider time) =>
        $"{Display.Clock(line.Time, time)}  {line.Level,-9} {new string(' ', 2 * Math.Max(0, blocks.Depth(line.Block) - 1))}{line.Text}";
}
