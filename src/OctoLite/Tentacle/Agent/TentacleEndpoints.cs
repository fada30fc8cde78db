using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The protocol's routes (<see cref="TentacleProtocol"/>) over HTTP, each a thin handler calling
/// <see cref="ScriptService"/>, <see cref="WorkspaceFiles"/> or <see cref="TentacleCapabilitiesProbe"/>. Plain
/// request delegates: no reflection-based binding.
/// </summary>
internal static class TentacleEndpoints
{
    private const string Ticket = "/{ticket}";

    /// <summary>Every route, once: the listener maps them, and the polling transport matches calls against them.</summary>
    private static readonly (string Method, string Template, RequestDelegate Handler)[] Routes =
    [
        ("GET", TentacleProtocol.Capabilities, CapabilitiesAsync),
        ("POST", TentacleProtocol.Scripts, StartAsync),
        ("GET", TentacleProtocol.Scripts + Ticket, StatusAsync),
        ("POST", TentacleProtocol.Scripts + Ticket + "/cancel", CancelAsync),
        ("POST", TentacleProtocol.Scripts + Ticket + "/complete", CompleteAsync),
        ("PUT", TentacleProtocol.Scripts + Ticket + "/files", UploadAsync),
        ("GET", TentacleProtocol.Scripts + Ticket + "/files", DownloadAsync),
    ];

    public static IEndpointRouteBuilder MapTentacleApi(this IEndpointRouteBuilder app)
    {
        foreach (var (method, template, handler) in Routes)
        {
            app.MapMethods(template, [method], handler);
        }

        app.MapFallback((RequestDelegate)(context => throw NoRoute(context.Request.Method, context.Request.Path)));
        return app;
    }

    /// <summary>
    /// Runs the route <paramref name="context"/>'s method and path name, with its route values set, as the listener
    /// would (the polling transport's way in); no route is a 404 refusal.
    /// </summary>
    public static Task DispatchAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var segments = (context.Request.Path.Value ?? "").Split('/');
        foreach (var (routeMethod, template, handler) in Routes)
        {
            var parts = template.Split('/');
            if (routeMethod != method || parts.Length != segments.Length)
            {
                continue;
            }

            var values = new RouteValueDictionary();
            var matched = true;
            for (var i = 0; i < parts.Length && matched; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    matched = segments[i].Length > 0;
                    values[parts[i][1..^1]] = segments[i];
                }
                else
                {
                    matched = string.Equals(parts[i], segments[i], StringComparison.OrdinalIgnoreCase);
                }
            }

            if (matched)
            {
                context.Request.RouteValues = values;
                return handler(context);
            }
        }

        throw NoRoute(method, context.Request.Path);
    }

    private static TentacleRequestException NoRoute(string method, PathString path) =>
        new(404, $"No tentacle route at {method} {path} (protocol version {TentacleProtocol.Version}).");

    private static Task CapabilitiesAsync(HttpContext context) =>
        TentacleHttp.WriteJsonAsync(context, 200, Service<TentacleCapabilitiesProbe>(context).Probe(), TentacleJsonContext.Default.TentacleCapabilities);

    private static async Task StartAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = TentacleTimeoutsAndLimits.MaxJsonBodyBytes;
        }

        StartScriptCommand? command;
        try
        {
            command = await JsonSerializer.DeserializeAsync(context.Request.Body, TentacleJsonContext.Default.StartScriptCommand, context.RequestAborted);
        }
        catch (JsonException e) when (e.Path is null or "$")
        {
            throw TentacleRequestException.BadRequest($"The request body must be a start-script command as JSON: {e.Message}", "body");
        }

        var status = Service<ScriptService>(context).Start(command!);
        await TentacleHttp.WriteJsonAsync(context, 200, status, TentacleJsonContext.Default.ScriptStatus);
    }

    private static async Task StatusAsync(HttpContext context)
    {
        var after = 0L;
        if (context.Request.Query["after"].ToString() is { Length: > 0 } text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw TentacleRequestException.BadRequest($"after must be a sequence number, 0 or more (got '{text}').", "after");
        }

        var waitMs = 0L;
        if (context.Request.Query["wait"].ToString() is { Length: > 0 } waitText && !long.TryParse(waitText, NumberStyles.None, CultureInfo.InvariantCulture, out waitMs))
        {
            throw TentacleRequestException.BadRequest($"wait must be a number of milliseconds, 0 or more (got '{waitText}').", "wait");
        }

        var wait = TimeSpan.FromMilliseconds(Math.Min(waitMs, (long)TentacleTimeoutsAndLimits.MaxStatusWait.TotalMilliseconds));
        var status = await Service<ScriptService>(context).GetStatusAsync(TicketOf(context), after, wait, context.RequestAborted);
        await TentacleHttp.WriteJsonAsync(context, 200, status, TentacleJsonContext.Default.ScriptStatus);
    }

    private static Task CancelAsync(HttpContext context) =>
        TentacleHttp.WriteJsonAsync(context, 200, Service<ScriptService>(context).Cancel(TicketOf(context)), TentacleJsonContext.Default.ScriptStatus);

    private static async Task CompleteAsync(HttpContext context)
    {
        await Service<ScriptService>(context).CompleteAsync(TicketOf(context), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task UploadAsync(HttpContext context)
    {
        var request = context.Request;
        await Service<WorkspaceFiles>(context).UploadAsync(
            TicketOf(context), request.Query["path"].ToString(), request.Body, request.ContentLength,
            request.Headers[TentacleProtocol.Sha256Header].ToString() is { Length: > 0 } sha ? sha : null, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task DownloadAsync(HttpContext context)
    {
        var (stream, length, sha) = await Service<WorkspaceFiles>(context).OpenForDownloadAsync(TicketOf(context), context.Request.Query["path"].ToString(), context.RequestAborted);
        await using (stream)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = length;
            context.Response.Headers[TentacleProtocol.Sha256Header] = sha;
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static string TicketOf(HttpContext context) => context.Request.RouteValues["ticket"] as string ?? "";

    private static T Service<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();
}
