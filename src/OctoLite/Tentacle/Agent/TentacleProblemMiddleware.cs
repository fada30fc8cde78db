using System.Text.Json;

namespace OctoLite.Tentacle.Agent;

/// <summary>Turns refusals into a <c>TentacleProblem</c> body with their status code; anything else is a 500 that names no internals.</summary>
internal sealed partial class TentacleProblemMiddleware(RequestDelegate next, ILogger<TentacleProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (TentacleRequestException e) when (!context.Response.HasStarted)
        {
            TentacleLog.Refused(logger, context.Request.Method, context.Request.Path, e.Message);
            await TentacleHttp.WriteProblemAsync(context, e.StatusCode, e.Message, e.Field);
        }
        catch (JsonException e) when (!context.Response.HasStarted)
        {
            var field = TentacleHttp.FieldOf(e);
            var detail = $"The request body is not valid at '{field}': {e.Message}";
            TentacleLog.Refused(logger, context.Request.Method, context.Request.Path, detail);
            await TentacleHttp.WriteProblemAsync(context, 400, detail, field);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            TentacleLog.Refused(logger, context.Request.Method, context.Request.Path, e.Message);
            await TentacleHttp.WriteProblemAsync(context, e.StatusCode, e.Message, "body");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the caller went away
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogFailed(logger, context.Request.Method, context.Request.Path, e);
            await TentacleHttp.WriteProblemAsync(context, 500, "The tentacle failed to handle the request; its log has the details.", null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception exception);
}
