using System.Text;
using System.Text.Json;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/tasks</c>: list (<c>?state=&amp;project=&amp;skip=&amp;take=</c>), get, why it waits, cancel, approve or abort a manual intervention, wait, the log (pages after a
/// sequence number, and a server-sent-events tail), and artifacts. <c>/api/artifacts/{id}/content</c> downloads one.
/// </summary>
internal static class TasksApi
{
    public const int DefaultLogTake = 1000;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks");

        group.MapGet("/", (TaskService tasks, string? state, string? project, int? skip, int? take) =>
        {
            var all = tasks.List(state, project);
            return all.IsSuccess
                ? ApiResults.Ok(Paging.Page("ServerTask", all.Value, skip, take), Json.ResourceCollectionServerTask)
                : ApiResults.Problem(all.Problem);
        });

        group.MapGet("/{id}", (TaskService tasks, string id) => ApiResults.Ok(tasks.Find(id), Json.ServerTask));

        group.MapGet("/{id}/why", (TaskService tasks, string id) => ApiResults.Ok(tasks.Why(id), Json.TaskWhy));

        group.MapPost("/{id}/cancel", (HttpContext context, TaskService tasks, string id) => ApiResults.Ok(tasks.Cancel(id, RequestActor.Get(context)), Json.ServerTask));

        group.MapPost("/{id}/approve", (HttpContext context, TaskService tasks, string id, CancellationToken cancellationToken) =>
            ResolveAsync(context, tasks, id, Domain.InterruptionResults.Proceed, cancellationToken));

        group.MapPost("/{id}/abort", (HttpContext context, TaskService tasks, string id, CancellationToken cancellationToken) =>
            ResolveAsync(context, tasks, id, Domain.InterruptionResults.Abort, cancellationToken));

        group.MapGet("/{id}/wait", async (TaskService tasks, string id, double? timeout, CancellationToken cancellationToken) =>
        {
            if (timeout is { } seconds && (seconds <= 0 || seconds > MaxWait.TotalSeconds))
            {
                return ApiResults.Problem(Problem.Invalid("timeout", $"timeout is in seconds, more than 0 and at most {MaxWait.TotalSeconds} (got {seconds})."));
            }

            var waited = await tasks.WaitAsync(id, TimeSpan.FromSeconds(timeout ?? 30), cancellationToken);
            return ApiResults.Ok(waited, Json.ServerTask);
        });

        group.MapGet("/{id}/log", (TaskService tasks, string id, long? after, int? take) =>
            ApiResults.Ok(tasks.ReadLog(id, after ?? 0, take ?? DefaultLogTake), Json.TaskLogPage));

        group.MapGet("/{id}/log/stream", StreamLogAsync);

        group.MapGet("/{id}/artifacts", (TaskService tasks, string id) => ApiResults.Ok(tasks.Artifacts(id), Json.IReadOnlyListArtifact));

        group.MapGet("/{id}/artifacts/{name}/content", (ArtifactCollector artifacts, string id, string name) => Download(artifacts, artifacts.Find(name, id)));

        app.MapGet("/api/artifacts/{id}", (ArtifactCollector artifacts, string id) => ApiResults.Ok(artifacts.Find(id, null), Json.Artifact));
        app.MapGet("/api/artifacts/{id}/content", (ArtifactCollector artifacts, string id) => Download(artifacts, artifacts.Find(id, null)));
        return group;
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, TaskService tasks, string id, string result, CancellationToken cancellationToken)
    {
        var request = new InterruptionRequest();
        if (context.Request.ContentLength is not 0)
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var input = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.InterruptionRequest) : body.Problem;
            if (!input.IsSuccess)
            {
                return ApiResults.Problem(input.Problem);
            }

            request = input.Value;
        }

        return ApiResults.Ok(tasks.ResolveInterruption(id, result, request.InterruptionId, request.Note, RequestActor.Get(context)), Json.Interruption);
    }

    private static IResult Download(ArtifactCollector artifacts, Result<Domain.Artifact> found)
    {
        if (!found.IsSuccess)
        {
            return ApiResults.Problem(found.Problem);
        }

        var artifact = found.Value;
        return Results.Stream(
            stream => artifacts.CopyToAsync(artifact, stream, CancellationToken.None),
            "application/octet-stream",
            artifact.Filename);
    }

    /// <summary>
    /// Server-sent events: <c>event: line</c> per log line (its sequence as the event id, so a reconnecting client
    /// resumes with <c>Last-Event-ID</c>), comment keep-alives while quiet, and <c>event: end</c> with the task once
    /// it has finished and every line has been sent.
    /// </summary>
    private static async Task StreamLogAsync(HttpContext context, TaskService tasks, TaskSignals signals, string id, long? after)
    {
        var cancellationToken = context.RequestAborted;
        var position = after ?? 0;
        if (context.Request.Headers.TryGetValue("Last-Event-ID", out var lastEventId) && long.TryParse(lastEventId.ToString(), out var resumed))
        {
            position = resumed;
        }

        var first = tasks.ReadLog(id, position, DefaultLogTake);
        if (!first.IsSuccess)
        {
            await ApiResults.Problem(first.Problem).ExecuteAsync(context);
            return;
        }

        var taskId = first.Value.TaskId;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var text = new StringBuilder();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = signals.Next(taskId);
                var page = tasks.ReadLog(taskId, position, DefaultLogTake);
                if (!page.IsSuccess)
                {
                    signals.Forget(taskId);
                    return;
                }

                text.Clear();
                foreach (var line in page.Value.Lines)
                {
                    text.Append("id: ").Append(line.Sequence).Append("\nevent: line\ndata: ").Append(JsonSerializer.Serialize(line, Json.TaskLogLine)).Append("\n\n");
                }

                position = page.Value.Next;
                if (page.Value.IsComplete)
                {
                    var task = tasks.Find(taskId);
                    if (task.IsSuccess)
                    {
                        text.Append("event: end\ndata: ").Append(JsonSerializer.Serialize(task.Value, Json.ServerTask)).Append("\n\n");
                    }
                }

                if (text.Length > 0)
                {
                    await response.WriteAsync(text.ToString(), cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }

                if (page.Value.IsComplete)
                {
                    signals.Forget(taskId);
                    return;
                }

                if (page.Value.Lines.Count >= DefaultLogTake)
                {
                    continue;
                }

                if (await Task.WhenAny(changed, Task.Delay(KeepAlive, cancellationToken)) != changed)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
