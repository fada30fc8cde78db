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

    public static IEndpointRouteBuilder MapTentacleApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(TentacleProtocol.Capabilities, (RequestDelegate)CapabilitiesAsync);
        app.MapPost(TentacleProtocol.Scripts, (RequestDelegate)StartAsync);
        app.MapGet(TentacleProtocol.Scripts + Ticket, (RequestDelegate)StatusAsync);
        app.MapPost(TentacleProtocol.Scripts + Ticket + "/cancel", (RequestDelegate)CancelAsync);
        app.MapPost(TentacleProtocol.Scripts + Ticket + "/complete", (RequestDelegate)CompleteAsync);
        app.MapPut(TentacleProtocol.Scripts + Ticket + "/files", (RequestDelegate)UploadAsync);
        app.MapGet(TentacleProtocol.Scripts + Ticket + "/files", (RequestDelegate)DownloadAsync);
        app.MapFallback((RequestDelegate)(context => throw new TentacleRequestException(
            404, $"No tentacle route at {context.Request.Method} {context.Request.Path} (protocol version {TentacleProtocol.Version}).")));
        return app;
    }

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

    private static Task StatusAsync(HttpContext context)
    {
        var after = 0L;
        if (context.Request.Query["after"].ToString() is { Length: > 0 } text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw TentacleRequestException.BadRequest($"after must be a sequence number, 0 or more (got '{text}').", "after");
        }

        var status = Service<ScriptService>(context).GetStatus(TicketOf(context), after);
        return TentacleHttp.WriteJsonAsync(context, 200, status, TentacleJsonContext.Default.ScriptStatus);
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
