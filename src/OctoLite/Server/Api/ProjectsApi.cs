using OctoLite.Domain;
using OctoLite.Server.Projects;

namespace OctoLite.Server.Api;

/// <summary><c>/api/projects</c>: list, get, create, update, delete, and the deployment process (<c>/{project}/deploymentprocess</c>). Projects are addressed by id or name.</summary>
internal static class ProjectsApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects");

        group.MapGet("/", (ProjectService projects, int? skip, int? take) =>
            ApiResults.Ok(Paging.Page("Project", projects.List(), skip, take), Json.ResourceCollectionProject));

        group.MapGet("/all", (ProjectService projects) => TypedResults.Json(projects.List(), Json.IReadOnlyListProject));

        group.MapGet("/{idOrName}", (ProjectService projects, string idOrName) => ApiResults.Ok(projects.Find(idOrName), Json.Project));

        group.MapPost("/", async (HttpContext context, ProjectService projects, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new Project(), body.Value, Json.Project);
            var created = input.IsSuccess ? projects.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.Project, p => $"/api/projects/{p.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, ProjectService projects, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = projects.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.Project), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.Project);
        });

        group.MapGet("/{idOrName}/deploymentprocess", (ProjectService projects, string idOrName) =>
            ApiResults.Ok(projects.Find(idOrName).Map(p => p.DeploymentProcess), Json.DeploymentProcess));

        group.MapPut("/{idOrName}/deploymentprocess", async (HttpContext context, ProjectService projects, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var patch = new System.Text.Json.Nodes.JsonObject { ["DeploymentProcess"] = body.Value.DeepClone() };
            var updated = projects.Update(idOrName, current => JsonInput.Merge(current with { DeploymentProcess = new() }, patch, Json.Project), RequestActor.Get(context));
            return ApiResults.Ok(updated.Map(p => p.DeploymentProcess), Json.DeploymentProcess);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, ProjectService projects, string idOrName) =>
            ApiResults.Ok(projects.Delete(idOrName, RequestActor.Get(context)), Json.Project));

        return group;
    }
}
