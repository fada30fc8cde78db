using OctoLite.Domain;
using OctoLite.Server.Targets;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/machines</c> (Octopus's path for deployment targets, also served as <c>/api/targets</c>): list (filter by
/// environment and role), get, create, update, delete, enable, disable and health check. Targets are addressed by id or name.
/// </summary>
internal static class TargetsApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var machines = Map(app, "/api/machines");
        Map(app, "/api/targets");
        return machines;
    }

    private static RouteGroupBuilder Map(IEndpointRouteBuilder app, string prefix)
    {
        var group = app.MapGroup(prefix);

        group.MapGet("/", (TargetService targets, string? environment, string? role, int? skip, int? take) =>
        {
            var listed = targets.List(new TargetFilter(environment, role));
            return listed.IsSuccess
                ? ApiResults.Ok(Paging.Page("DeploymentTarget", listed.Value, skip, take), Json.ResourceCollectionDeploymentTarget)
                : ApiResults.Problem(listed.Problem);
        });

        group.MapGet("/{idOrName}", (TargetService targets, string idOrName) => ApiResults.Ok(targets.Find(idOrName), Json.DeploymentTarget));

        group.MapPost("/", async (HttpContext context, TargetService targets, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var input = JsonInput.Merge(new DeploymentTarget(), body.Value, Json.DeploymentTarget);
            var created = input.IsSuccess ? targets.Create(input.Value, RequestActor.Get(context)) : input;
            return ApiResults.Created(created, Json.DeploymentTarget, t => $"{prefix}/{t.Id}");
        });

        group.MapPut("/{idOrName}", async (HttpContext context, TargetService targets, string idOrName, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = targets.Update(idOrName, current => JsonInput.Merge(current, body.Value, Json.DeploymentTarget), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.DeploymentTarget);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, TargetService targets, string idOrName) =>
            ApiResults.Ok(targets.Delete(idOrName, RequestActor.Get(context)), Json.DeploymentTarget));

        group.MapPost("/{idOrName}/enable", (HttpContext context, TargetService targets, string idOrName) =>
            ApiResults.Ok(targets.SetDisabled(idOrName, disabled: false, RequestActor.Get(context)), Json.DeploymentTarget));

        group.MapPost("/{idOrName}/disable", (HttpContext context, TargetService targets, string idOrName) =>
            ApiResults.Ok(targets.SetDisabled(idOrName, disabled: true, RequestActor.Get(context)), Json.DeploymentTarget));

        group.MapPost("/{idOrName}/health", (HttpContext context, TargetService targets, string idOrName) =>
            ApiResults.Ok(targets.CheckHealth(idOrName, RequestActor.Get(context)), Json.TargetHealthCheck));

        return group;
    }
}
