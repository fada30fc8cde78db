namespace OctoLite.Server.Api;

/// <summary>Turns an unexpected exception into a logged 500 problem instead of a dropped connection.</summary>
internal sealed partial class UnhandledErrors(RequestDelegate next, ILogger<UnhandledErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, e, context.Request.Method, context.Request.Path);
            await ApiResults.Problem(new Problem(500, "Server error", $"The server failed to handle {context.Request.Method} {context.Request.Path}: {e.Message}")).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
