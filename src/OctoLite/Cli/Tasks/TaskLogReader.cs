using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>
/// Reads a task's log into a <see cref="TaskLogPrinter"/>: what is there now (paged), or live until the task ends
/// (the server-sent-events tail, resumed after the last line printed if the stream drops).
/// </summary>
internal sealed class TaskLogReader(CliContext context, TaskLogPrinter printer)
{
    private const int PageSize = 1000;
    private const int MaxReconnects = 5;

    /// <summary>Prints the lines after <paramref name="after"/> stored so far; returns the task as it was before reading.</summary>
    public async Task<ServerTask> ReadAsync(string taskId, long after, CancellationToken cancellationToken)
    {
        var task = await LearnAsync(taskId, cancellationToken);
        var position = after;
        while (true)
        {
            var page = await context.Client.GetAsync($"{TaskArgument.Path(task.Id, "/log")}?after={Number(position)}&take={PageSize}", CliJsonContext.Default.TaskLogPage, cancellationToken);
            foreach (var line in page.Lines)
            {
                await WriteAsync(task.Id, line, cancellationToken);
            }

            if (page.Lines.Count == 0 || page.IsComplete)
            {
                return task;
            }

            position = page.Next;
        }
    }

    /// <summary>Prints lines as they are written until the task has ended and every line is out; returns the final task.</summary>
    public async Task<ServerTask> FollowAsync(string taskId, long after, CancellationToken cancellationToken)
    {
        var task = await LearnAsync(taskId, cancellationToken);
        var position = after;
        var failures = 0;
        while (true)
        {
            CliException? lastError = null;
            try
            {
                await foreach (var item in context.Client.StreamEventsAsync($"{TaskArgument.Path(task.Id, "/log/stream")}?after={Number(position)}", cancellationToken))
                {
                    if (item.EventType == "line" && Read(item, CliJsonContext.Default.TaskLogLine) is { } line && line.Sequence > position)
                    {
                        await WriteAsync(task.Id, line, cancellationToken);
                        position = line.Sequence;
                        failures = 0;
                    }
                    else if (item.EventType == "end")
                    {
                        return Read(item, CliJsonContext.Default.ServerTask) ?? await context.Client.GetAsync(TaskArgument.Path(task.Id), CliJsonContext.Default.ServerTask, cancellationToken);
                    }
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
            {
                lastError = e as CliException;
            }

            // The stream closed before the end event (the server restarting, a proxy timing out): pick up where it stopped.
            if (++failures > MaxReconnects)
            {
                throw lastError ?? new CliException(ExitCodes.Failed,
                    $"The log of {task.Id} kept closing before the task ended. Follow it again with `octolite task log {task.Id} --follow --after {Number(position)}`.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * failures), context.Time, cancellationToken);
        }
    }

    private async Task<ServerTask> LearnAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await context.Client.GetAsync(TaskArgument.Path(taskId), CliJsonContext.Default.ServerTask, cancellationToken);
        printer.Blocks.Learn(task.LogBlocks);
        return task;
    }

    private async Task WriteAsync(string taskId, TaskLogLine line, CancellationToken cancellationToken)
    {
        // A step that started after the task was read brings new blocks: read them once, for the indent.
        if (!printer.Blocks.Knows(line.Block))
        {
            await LearnAsync(taskId, cancellationToken);
        }

        printer.Write(line);
    }

    private static T? Read<T>(SseItem<string> item, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(item.Data, typeInfo);
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Failed, $"The server sent a log event that could not be read: {e.Message}");
        }
    }

    private static bool IsTransient(Exception e) =>
        e is IOException or HttpRequestException || (e is CliException cli && cli.ExitCode == ExitCodes.Unreachable);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
