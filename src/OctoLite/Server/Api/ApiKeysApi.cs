using OctoLite.Domain;
using OctoLite.Server.Security;

namespace OctoLite.Server.Api;

/// <summary><c>/api/apikeys</c>: create (the key is in the response, once), list, revoke.</summary>
internal static class ApiKeysApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/apikeys");

        group.MapGet("/", (ApiKeyService keys) =>
        {
            IReadOnlyList<ApiKeySummary> summaries = keys.List().Select(Summary).ToList();
            return TypedResults.Json(summaries, Json.IReadOnlyListApiKeySummary);
        });

        group.MapPost("/", async (HttpContext context, ApiKeyService keys, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var request = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.ApiKeyCreateRequest) : body.Problem;
            if (!request.IsSuccess)
            {
                return ApiResults.Problem(request.Problem);
            }

            var created = keys.Create(request.Value.Name, RequestActor.Get(context));
            return created.IsSuccess
                ? TypedResults.Json(new ApiKeyCreated(created.Value.Key.Id, created.Value.Key.Name, created.Value.PlainText), Json.ApiKeyCreated, statusCode: StatusCodes.Status201Created)
                : ApiResults.Problem(created.Problem);
        });

        group.MapDelete("/{idOrName}", (HttpContext context, ApiKeyService keys, string idOrName) =>
        {
            var revoked = keys.Revoke(idOrName, RequestActor.Get(context));
            return revoked.IsSuccess
                ? TypedResults.Json(Summary(revoked.Value), Json.ApiKeySummary)
                : ApiResults.Problem(revoked.Problem);
        });

        return group;
    }

    private static ApiKeySummary Summary(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Created, key.CreatedBy);
}
