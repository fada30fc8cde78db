using OctoLite.Domain;
using OctoLite.Server.Pools;

namespace OctoLite.Server.Api;

/// <summary><c>/api/workerpools</c>: list, get, create, update, delete, reorder, and summaries (workers by health and kind). Pools are addressed by id or name.</summary>
internal static class WorkerPoolsApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapWorkerPoolsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workerpools");

        group.MapGet("/", (WorkerPoolService pools, int? skip, int? take) =>
            ApiResults.Ok(Paging.Page("WorkerPool", pools.List(), skip, take), Json.ResourceCollectionWorkerPool));

        group.MapGet("/all", (WorkerPoolService pools) => TypedResults.Json(pools.List(), Json.IReadOnlyListWorkerPool));

        group.MapGet("/summary", (WorkerPoolService pools) => TypedResults.Json(pools.Summaries(), Json.IReadOnlyListWorkerPoolSummary));

        group.MapGet("/{idOrName}/summary", (WorkerPoolService pools, string idOrName) => ApiResults.Ok(pools.Summary(idOrName), Json.WorkerPoolSummary));

        group.MapGet("/{idOrName}", (WorkerPoolService pools, string idOrName) => ApiResults.Ok(pools.Find(idOrName), Json.WorkerPool));

        group.MapPost("/", async (HttpContext context, WorkerPoolService pools, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new WorkerPool(), body.Value, Json.WorkerPool);
            var created = input.IsSuccess ? pools.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.WorkerPool, p => $"/api/workerpools/{p.Id}");
        });

        group.MapPut("/sortorder", async (HttpContext context, WorkerPoolService pools, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var request = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.SortOrderRequest) : body.Problem;
            if (!request.IsSuccess)
            {
                return ApiResults.Problem(request.Problem);
            }

            return ApiResults.Ok(pools.Reorder(request.Value.WorkerPoolIds ?? [], RequestActor.Get(context)), Json.IReadOnlyListWorkerPool);
        });

        group.MapPut("/{idOrName}", async (HttpContext context, WorkerPoolService pools, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = pools.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.WorkerPool), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.WorkerPool);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, WorkerPoolService pools, string idOrName) =>
            ApiResults.Ok(pools.Delete(idOrName, RequestActor.Get(context)), Json.WorkerPool));

        return group;
    }
}
