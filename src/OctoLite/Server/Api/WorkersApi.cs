using OctoLite.Domain;
using OctoLite.Server.Dispatch;
using OctoLite.Server.Pools;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/workers</c>: list (filter by pool, health, name), get, create, update, delete; and <c>/api/workerleases</c>,
/// the leases workers hold now.
/// </summary>
internal static class WorkersApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workers");

        group.MapGet("/", (WorkerService workers, string? pool, string? health, string? name, int? skip, int? take) =>
        {
            HealthStatus? status = null;
            if (health is not null)
            {
                if (!Enum.TryParse<HealthStatus>(health, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return ApiResults.Problem(Problem.Invalid("health", $"health must be one of {string.Join(", ", Enum.GetNames<HealthStatus>())} (got '{health}')."));
                }

                status = parsed;
            }

            var listed = workers.List(new WorkerFilter(pool, status, name));
            return listed.IsSuccess
                ? ApiResults.Ok(Paging.Page("Worker", listed.Value, skip, take), Json.ResourceCollectionWorker)
                : ApiResults.Problem(listed.Problem);
        });

        group.MapGet("/{idOrName}", (WorkerService workers, string idOrName) => ApiResults.Ok(workers.Find(idOrName), Json.Worker));

        group.MapPost("/", async (HttpContext context, WorkerService workers, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new Worker(), body.Value, Json.Worker);
            var created = input.IsSuccess ? workers.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.Worker, w => $"/api/workers/{w.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, WorkerService workers, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = workers.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.Worker), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.Worker);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, WorkerService workers, string idOrName) =>
            ApiResults.Ok(workers.Delete(idOrName, RequestActor.Get(context)), Json.Worker));

        // Outside /api/workers/: a literal segment there would hide a worker named like it.
        app.MapGet("/api/workerleases", (WorkerLeases leases) =>
            TypedResults.Json<IReadOnlyList<ActiveLease>>(
                leases.Active().Select(l => new ActiveLease(l.TaskId, l.WorkerId, l.Worker.Name, l.PoolName, l.Exclusive, l.Since)).ToList(),
                Json.IReadOnlyListActiveLease));

        return group;
    }
}
