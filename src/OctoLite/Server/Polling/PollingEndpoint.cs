using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle;
using OctoLite.Workers.Tentacle.Errors;
using OctoLite.Workers.Tentacle.Polling;

namespace OctoLite.Server.Polling;

/// <summary>
/// The server's end of the polling transport (<see cref="TentacleProtocol.Poll"/>), on the polling port only: the
/// HTTPS connections there are the polling tentacles', and nothing else is served on them (the REST API is never
/// reachable through the polling port, nor polling through the API's addresses). A poll is held until a call is
/// queued for its subscription or <see cref="TentacleTimeouts.PollHold"/> passes; an answer is handed to the waiting caller as a
/// stream, and its post ends once the caller has read it.
/// </summary>
internal sealed partial class PollingEndpoint(
    RequestDelegate next, PollingQueues queues, PollingTrust trust, TentacleTimeouts timeouts, IHostApplicationLifetime lifetime, ILogger<PollingEndpoint> logger)
{
    private const string Prefix = "/tentacle/v1/poll/";
    private static readonly string Version = TentacleProtocol.Version.ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        // Only the polling port speaks TLS: the API listens on plain TCP and the Unix socket.
        return context.Request.IsHttps ? HandleAsync(context) : next(context);
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers[TentacleProtocol.VersionHeader] = Version;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "an unknown peer";
        var asked = context.Request.Headers[TentacleProtocol.VersionHeader].ToString().Trim();
        if (asked != Version)
        {
            await ProblemAsync(context, 400, asked.Length == 0
                ? $"The poll has no {TentacleProtocol.VersionHeader} header; this server speaks tentacle protocol version {Version}."
                : $"The poll speaks tentacle protocol version {asked}; this server speaks version {Version}. Upgrade the older side.");
            return;
        }

        var path = context.Request.Path.Value ?? "";
        var parts = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..].Split('/') : [];
        var isPoll = parts.Length == 1 && HttpMethods.IsGet(context.Request.Method);
        var isAnswer = parts.Length == 3 && parts[1] == "responses" && HttpMethods.IsPost(context.Request.Method);
        if (!isPoll && !isAnswer)
        {
            await ProblemAsync(context, 404, $"The polling port serves only polls (GET {Prefix}ID) and their answers (POST {Prefix}ID/responses/CALL), not {context.Request.Method} {path}.");
            return;
        }

        var subscription = Uri.UnescapeDataString(parts[0]);
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (certificate is null || trust.Authorize(subscription, certificate.GetCertHashString(), remote) is not { } worker)
        {
            await ProblemAsync(context, 403, $"This certificate may not poll for subscription poll://{subscription}/: register the tentacle with this server (`octolite tentacle register-worker --comms-style TentacleActive`).");
            return;
        }

        var queue = queues.For(subscription);
        if (isPoll)
        {
            await PollAsync(context, queue, worker.Name);
        }
        else
        {
            await AnswerAsync(context, queue, Uri.UnescapeDataString(parts[2]));
        }
    }

    private async Task PollAsync(HttpContext context, PollingQueue queue, string workerName)
    {
        PendingCall? call;
        // A server that is stopping answers its held polls at once: they would otherwise hold the shutdown for the hold time.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            call = await queue.TakeAsync(timeouts.PollHold, held.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the tentacle went away while waiting
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            call = null;
        }

        if (call is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var request = call.Request;
        var response = context.Response;
        response.StatusCode = 200;
        response.Headers[TentacleProtocol.RequestIdHeader] = call.Id;
        response.Headers[TentacleProtocol.RequestMethodHeader] = request.Method.Method;
        response.Headers[TentacleProtocol.RequestTargetHeader] = request.RequestUri!.PathAndQuery;
        foreach (var name in TentacleProtocol.ForwardedHeaders)
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        try
        {
            if (request.Content is { } content)
            {
                response.ContentType = content.Headers.ContentType?.ToString();
                response.ContentLength = content.Headers.ContentLength;
                await content.CopyToAsync(response.Body, context.RequestAborted);
            }
            else
            {
                response.ContentLength = 0;
            }

            await response.CompleteAsync();
            LogDelivered(logger, call.Id, request.Method.Method, request.RequestUri.PathAndQuery, workerName);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Every call is safe to send again (starts are idempotent by ticket); the caller's retry does.
            call.Fail(new TentacleUnavailableException(new Uri($"{TentacleProtocol.PollScheme}://{queue.SubscriptionId}/"), $"dropped its poll while the call was delivered: {e.Message}", e));
        }
    }

    private async Task AnswerAsync(HttpContext context, PollingQueue queue, string callId)
    {
        queue.MarkSeen();
        if (queue.InFlight(callId) is not { } call)
        {
            await ProblemAsync(context, 410, $"Nobody waits for an answer to call {callId} any more (it timed out or was canceled).");
            return;
        }

        var statusText = context.Request.Headers[TentacleProtocol.ResponseStatusHeader].ToString();
        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 599)
        {
            var reason = $"The answer to call {callId} has no valid {TentacleProtocol.ResponseStatusHeader} (got '{statusText}').";
            call.Fail(new TentacleProtocolException(new Uri($"{TentacleProtocol.PollScheme}://{queue.SubscriptionId}/"), reason));
            await ProblemAsync(context, 400, reason);
            return;
        }

        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var content = new StreamContent(new SignalingReadStream(context.Request.Body, read));
        if (context.Request.ContentType is { Length: > 0 } contentType && MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            content.Headers.ContentType = mediaType;
        }

        content.Headers.ContentLength = context.Request.ContentLength;
        var answer = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = content };
        foreach (var name in TentacleProtocol.ForwardedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                answer.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        if (!call.TryAnswer(answer))
        {
            answer.Dispose();
            await ProblemAsync(context, 410, $"Nobody waits for an answer to call {callId} any more (it timed out or was canceled).");
            return;
        }

        // The caller reads the body straight from this request; it is done when it disposes the answer.
        try
        {
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await read.Task.WaitAsync(timeouts.FileTransfer, reading.Token);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        catch (TimeoutException)
        {
            await ProblemAsync(context, 408, $"The server did not finish reading the answer to call {callId} within {timeouts.FileTransfer.TotalSeconds:0} s.");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The tentacle went away mid-answer, or the server is stopping: the caller's read fails and it tries again.
        }
    }

    private static async Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new TentacleProblem(detail, null), TentacleJsonContext.Default.TentacleProblem, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polling: call {CallId} ({Method} {Target}) delivered to worker {Worker}")]
    private static partial void LogDelivered(ILogger logger, string callId, string method, string target, string worker);

    /// <summary>A read-only view of a request body that says when the reader is done with it (disposed).</summary>
    private sealed class SignalingReadStream(Stream inner, TaskCompletionSource done) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the answer asynchronously.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            done.TrySetResult();
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            done.TrySetResult();
            return base.DisposeAsync();
        }
    }
}
