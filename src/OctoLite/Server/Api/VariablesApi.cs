using OctoLite.Domain;
using OctoLite.Server.Projects;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>/api/projects/{project}/variables</c>: list, set by name and scope, delete by name and scope
/// (<c>?environment=</c> and <c>?role=</c>, each repeatable; none for the unscoped value). Sensitive values are
/// write-only: responses carry <c>"Value": null</c> for them.
/// </summary>
internal static class VariablesApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapVariablesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{project}/variables");

        group.MapGet("/", (VariableService variables, string project) => ApiResults.Ok(variables.List(project), Json.IReadOnlyListVariable));

        group.MapPut("/{name}", async (HttpContext context, VariableService variables, string project, string name, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var request = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.VariableRequest) : body.Problem;
            if (!request.IsSuccess)
            {
                return ApiResults.Problem(request.Problem);
            }

            var scope = request.Value.Scope ?? new VariableScope();
            return ApiResults.Ok(variables.Set(project, name, request.Value.Value, request.Value.IsSensitive, scope, RequestActor.Get(context)), Json.Variable);
        });

        group.MapDelete("/{name}", (HttpContext context, VariableService variables, string project, string name) =>
        {
            var query = context.Request.Query;
            var scope = new VariableScope { Environments = [.. query["environment"].OfType<string>()], Roles = [.. query["role"].OfType<string>()] };
            return ApiResults.Ok(variables.Delete(project, name, scope, RequestActor.Get(context)), Json.Variable);
        });

        return group;
    }
}
