namespace OctoLite.Server.Api;

/// <summary><c>/api/serverstatus</c>: who and where the running server is.</summary>
internal static class ServerStatusApi
{
    public static RouteHandlerBuilder MapServerStatusApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/serverstatus", (ServerIdentity identity) =>
            TypedResults.Json(identity.Status(), ApiJsonContext.Default.ServerStatus));
}
