using OctoLite.Domain;
using OctoLite.Server.Projects;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/runbooks</c>: list (optionally <c>?project=</c>), get, create, update, delete. Ids are
/// global; a runbook's name is unique within its project only, so addressing one by name needs
/// <c>?project=</c> (the project's id or name).
/// </summary>
internal static class RunbooksApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapRunbooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runbooks");

        group.MapGet("/", (RunbookService runbooks, string? project, int? skip, int? take) =>
        {
            var all = runbooks.List(project);
            return all.IsSuccess
                ? ApiResults.Ok(Paging.Page("Runbook", all.Value, skip, take), Json.ResourceCollectionRunbook)
                : ApiResults.Problem(all.Problem);
        });

        group.MapGet("/all", (RunbookService runbooks, string? project) => ApiResults.Ok(runbooks.List(project), Json.IReadOnlyListRunbook));

        group.MapGet("/{idOrName}", (RunbookService runbooks, string idOrName, string? project) => ApiResults.Ok(runbooks.Find(idOrName, project), Json.Runbook));

        group.MapPost("/", async (HttpContext context, RunbookService runbooks, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new Runbook(), body.Value, Json.Runbook);
            var created = input.IsSuccess ? runbooks.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.Runbook, r => $"/api/runbooks/{r.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, RunbookService runbooks, string idOrName, string? project, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = runbooks.Update(idOrName, project, current => JsonInput.Merge(current, body.Value, Json.Runbook), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.Runbook);
        });

        group.MapPost("/{idOrName}/run", async (HttpContext context, TaskService tasks, string idOrName, string? project, CancellationToken cancellationToken) =>
        {
            var request = new RunbookRunRequest();
            if (context.Request.ContentLength is not 0)
            {
                var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
                var input = body.IsSuccess ? JsonInput.Merge(request, body.Value, Json.RunbookRunRequest) : body.Problem;
                if (!input.IsSuccess)
                {
                    return ApiResults.Problem(input.Problem);
                }

                request = input.Value;
            }

            var queued = tasks.QueueRunbookRun(idOrName, project, request, RequestActor.Get(context));
            return ApiResults.Created(queued, Json.ServerTask, t => $"/api/tasks/{t.Id}");
        });

        group.MapDelete("/{idOrName}", (HttpContext context, RunbookService runbooks, string idOrName, string? project) =>
            ApiResults.Ok(runbooks.Delete(idOrName, project, RequestActor.Get(context)), Json.Runbook));

        return group;
    }
}
