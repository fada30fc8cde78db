using Microsoft.AspNetCore.Connections.Features;
using OctoLite.Server.Security;

namespace OctoLite.Server.Api;

/// <summary>
/// Requests on the Unix socket are trusted (only the socket's owner can open it: mode 0600); requests
/// on the TCP port need a valid key in the X-Octopus-ApiKey header, as with Octopus. Users, roles and
/// permissions come later: this is where they will plug in.
/// </summary>
internal sealed partial class ApiKeyAuthentication(RequestDelegate next, ApiKeyService keys, ILogger<ApiKeyAuthentication> logger)
{
    public const string Header = "X-Octopus-ApiKey";

    public async Task InvokeAsync(HttpContext context)
    {
        // Kestrel reports no local IP address for Unix-domain-socket connections.
        if (context.Connection.LocalIpAddress is null)
        {
            var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
            RequestActor.Set(context, Actor.LocalSocket(socket is null ? null : PeerCredentials.UserOf(socket)));
            await next(context);
            return;
        }

        var presented = context.Request.Headers[Header].ToString();
        if (keys.Authenticate(presented) is { } key)
        {
            RequestActor.Set(context, Actor.ForApiKey(key.Name, key.Id));
            await next(context);
            return;
        }

        LogRejected(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "?", presented.Length > 0);
        var problem = new Problem(401, "Unauthorized",
            presented.Length == 0
                ? $"Send an API key in the {Header} header. Create one on the server with `octolite apikey create --name NAME`."
                : "The API key is not valid: it may have been revoked.");
        await ApiResults.Problem(problem).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} {Path} from {Remote}: key presented = {Presented}")]
    private static partial void LogRejected(ILogger logger, string method, string path, string remote, bool presented);
}
