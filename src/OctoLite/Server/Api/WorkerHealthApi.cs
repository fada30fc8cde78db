using OctoLite.Server.Health;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>POST /api/workers/health-check</c> queues a Health task (all workers, a pool's, or named ones; 201 with the
/// task); <c>GET /api/workers/{idOrName}/health?take=</c> is a worker's health history, newest first.
/// </summary>
internal static class WorkerHealthApi
{
    public const int DefaultHistoryTake = 50;
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static IEndpointRouteBuilder MapWorkerHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workers/health-check", async (HttpContext context, TaskService tasks, CancellationToken cancellationToken) =>
        {
            var request = new HealthCheckRequest();
            if (context.Request.ContentLength is not 0)
            {
                var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
                var input = body.IsSuccess ? JsonInput.Merge(request, body.Value, Json.HealthCheckRequest) : body.Problem;
                if (!input.IsSuccess)
                {
                    return ApiResults.Problem(input.Problem);
                }

                request = input.Value;
            }

            var queued = tasks.QueueHealthCheck(request, RequestActor.Get(context));
            return ApiResults.Created(queued, Json.ServerTask, t => $"/api/tasks/{t.Id}");
        });

        app.MapGet("/api/workers/{idOrName}/health", (WorkerHealthService health, string idOrName, int? take) =>
            ApiResults.Ok(health.History(idOrName, take ?? DefaultHistoryTake), Json.IReadOnlyListWorkerHealthRecord));

        return app;
    }
}
