using System.Globalization;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>Waits for a task to end through the server's long-poll <c>/wait</c>, in slices shorter than the client's request timeout.</summary>
internal static class TaskWaiter
{
    /// <summary>One long poll: well under the client's 100 s request timeout and the server's 300 s cap.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(60);

    /// <summary>The task once it has ended, or as it is when <paramref name="limit"/> has passed (null: no limit).</summary>
    public static async Task<ServerTask> WaitAsync(CliContext context, string taskId, TimeSpan? limit, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        while (true)
        {
            var left = limit is { } l ? l - context.Time.GetElapsedTime(started) : Slice;
            var seconds = Math.Max((left < Slice ? left : Slice).TotalSeconds, 0.1);
            var path = $"{TaskArgument.Path(taskId, "/wait")}?timeout={seconds.ToString("0.###", CultureInfo.InvariantCulture)}";
            var task = await context.Client.GetAsync(path, CliJsonContext.Default.ServerTask, cancellationToken);
            if (task.IsCompleted || (limit is not null && context.Time.GetElapsedTime(started) >= limit))
            {
                return task;
            }
        }
    }
}
