using OctoLite.Domain;
using OctoLite.Server.Environments;

namespace OctoLite.Server.Api;

/// <summary><c>/api/environments</c>: list, get, create, update, delete. Environments are addressed by id or name.</summary>
internal static class EnvironmentsApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapEnvironmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/environments");

        group.MapGet("/", (EnvironmentService environments, int? skip, int? take) =>
            ApiResults.Ok(Paging.Page("Environment", environments.List(), skip, take), Json.ResourceCollectionDeploymentEnvironment));

        group.MapGet("/all", (EnvironmentService environments) => TypedResults.Json(environments.List(), Json.IReadOnlyListDeploymentEnvironment));

        group.MapGet("/{idOrName}", (EnvironmentService environments, string idOrName) => ApiResults.Ok(environments.Find(idOrName), Json.DeploymentEnvironment));

        group.MapPost("/", async (HttpContext context, EnvironmentService environments, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new DeploymentEnvironment(), body.Value, Json.DeploymentEnvironment);
            var created = input.IsSuccess ? environments.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.DeploymentEnvironment, e => $"/api/environments/{e.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, EnvironmentService environments, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = environments.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.DeploymentEnvironment), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.DeploymentEnvironment);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, EnvironmentService environments, string idOrName) =>
            ApiResults.Ok(environments.Delete(idOrName, RequestActor.Get(context)), Json.DeploymentEnvironment));

        return group;
    }
}
