using OctoLite.Server.Configuration;
using OctoLite.Server.Email;

namespace OctoLite.Server.Api;

/// <summary><c>/api/configuration</c>: the server-wide settings; PUT changes only the fields given.</summary>
internal static class ConfigurationApi
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static RouteGroupBuilder MapConfigurationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/configuration");

        group.MapGet("/", (ConfigurationService configuration) => TypedResults.Json(configuration.Get(), Json.ServerConfiguration));

        group.MapPut("/", async (HttpContext context, ConfigurationService configuration, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            if (!body.IsSuccess)
            {
                return ApiResults.Problem(body.Problem);
            }

            var updated = configuration.Update(current => JsonInput.Merge(current, body.Value, Json.ServerConfiguration), RequestActor.Get(context));
            return ApiResults.Ok(updated, Json.ServerConfiguration);
        });

        group.MapPost("/smtp/test", async (HttpContext context, SmtpCheck smtp, CancellationToken cancellationToken) =>
        {
            var body = await JsonInput.ReadObjectAsync(context.Request, cancellationToken);
            var request = body.IsSuccess ? JsonInput.Deserialize(body.Value, Json.SmtpTestRequest) : body.Problem;
            if (!request.IsSuccess)
            {
                return ApiResults.Problem(request.Problem);
            }

            return ApiResults.Ok(await smtp.SendTestAsync(request.Value, RequestActor.Get(context), cancellationToken), Json.EmailReceipt);
        });

        return group;
    }
}
