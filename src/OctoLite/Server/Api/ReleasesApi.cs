using OctoLite.Server.Projects;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/releases</c>: list (<c>?project=</c>), get (by id, or by version with <c>?project=</c>), create, delete;
/// <c>POST /api/deployments</c> queues a deployment of a release to an environment and returns its task.
/// </summary>
internal static class ReleasesApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapReleasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/releases");

        group.MapGet("/", (ReleaseService releases, string? project, int? skip, int? take) =>
        {
            var all = releases.List(project);
            return all.IsSuccess
                ? ApiResults.Ok(Paging.Page("Release", all.Value, skip, take), Json.ResourceCollectionRelease)
                : ApiResults.Problem(all.Problem);
        });

        group.MapGet("/{idOrVersion}", (ReleaseService releases, string idOrVersion, string? project) => ApiResults.Ok(releases.Find(idOrVersion, project), Json.Release));

        group.MapPost("/", async (HttpContext context, ReleaseService releases, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var input = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.ReleaseCreateRequest) : body.Problem;
            if (!input.IsSuccess)
            {
                return ApiResults.Problem(input.Problem);
            }

            var created = releases.Create(input.Value.ProjectId ?? "", input.Value.Version ?? "", input.Value.ReleaseNotes, RequestActor.Get(context));
            return ApiResults.Created(created, Json.Release, r => $"/api/releases/{r.Id}");
        });

        group.MapDelete("/{idOrVersion}", (HttpContext context, ReleaseService releases, string idOrVersion, string? project) =>
            ApiResults.Ok(releases.Delete(idOrVersion, project, RequestActor.Get(context)), Json.Release));

        app.MapPost("/api/deployments", async (HttpContext context, TaskService tasks, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var input = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.DeploymentRequest) : body.Problem;
            if (!input.IsSuccess)
            {
                return ApiResults.Problem(input.Problem);
            }

            var queued = tasks.QueueDeployment(input.Value, RequestActor.Get(context));
            return ApiResults.Created(queued, Json.ServerTask, t => $"/api/tasks/{t.Id}");
        });

        return group;
    }
}
