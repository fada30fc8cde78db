using OctoLite.Cli.Output;
using OctoLite.Server.Tasks;

namespace OctoLite.Cli.ServerVerbs;

/// <summary>How the node's task queue looks: after <c>server drain</c>, and as one line of <c>server info</c>.</summary>
internal static class TaskQueueView
{
    public static void One(TextWriter writer, string node, TaskQueueStatus queue)
    {
        writer.WriteLine(queue.IsDraining
            ? $"Node {node} is drained: no new task starts; queued tasks wait until `octolite server drain --off`, running ones finish."
            : $"Node {node} is not drained: queued tasks start as soon as fewer than {queue.TaskCap} run.");
        Table.WriteFields(writer,
        [
            ("Queued", Display.Number(queue.Queued)),
            ("Executing", Display.Number(queue.Executing)),
            ("Task cap", Display.Number(queue.TaskCap)),
            ("Draining", Display.YesNo(queue.IsDraining)),
        ]);
    }

    public static string Summary(TaskQueueStatus queue) =>
        $"{queue.Queued} queued, {queue.Executing} executing, task cap {queue.TaskCap}" + (queue.IsDraining ? ", drained (no new task starts)" : "");
}
