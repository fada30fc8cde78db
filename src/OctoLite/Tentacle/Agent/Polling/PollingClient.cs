using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent.Polling;

/// <summary>
/// The polling transport (TentacleActive): <see cref="TentacleAgentOptions.PollingConnections"/> loops each hold a
/// poll open on the server's polling endpoint, run the call it brings through <see cref="PollingDispatcher"/>, and
/// post the answer back. Mutual TLS: this instance's certificate, and only a server certificate whose thumbprint
/// the instance trusts. A server that cannot be reached is tried again after <see cref="PollingBackoff"/>; scripts
/// keep running meanwhile, and their journals keep every line for when the server asks again.
/// </summary>
internal sealed partial class PollingClient : IAsyncDisposable
{
    /// <summary>How long one poll may stay open before the tentacle gives up on it; above the server's hold time (30 s).</summary>
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(90);

    /// <summary>Calls run at once; a poll bringing one more waits for a slot before the loop polls again.</summary>
    private const int MaxConcurrentCalls = 64;

    /// <summary>How long stopping waits for calls still running to end.</summary>
    private static readonly TimeSpan StopDrain = TimeSpan.FromSeconds(5);

    /// <summary>How long posting one answer may take (a large download's answer is the file).</summary>
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromMinutes(10);

    private readonly HttpClient _http;
    private readonly PollingDispatcher _dispatcher;
    private readonly TentacleAgentOptions _options;
    private readonly ILogger _logger;
    private readonly string _pollPath;
    private readonly string _subscriptionId;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim _calls = new(MaxConcurrentCalls, MaxConcurrentCalls);
    private string _lastPresented = "";
    private bool _lastPresentedTrusted;
    private int _connected;

    private PollingClient(Uri server, string subscriptionId, X509Certificate2 certificate, TrustedThumbprints trust, PollingDispatcher dispatcher, TentacleAgentOptions options, ILogger logger)
    {
        Server = server;
        _subscriptionId = subscriptionId;
        _pollPath = TentacleProtocol.Poll(subscriptionId).TrimStart('/');
        _dispatcher = dispatcher;
        _options = options;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                ClientCertificates = [certificate],
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, presented, _, _) => IsTrustedServer(presented, trust),
            },
        };
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(TentacleProtocol.VersionHeader, TentacleProtocol.Version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The server's polling endpoint, e.g. <c>https://octolite.example:10943/</c>.</summary>
    public Uri Server { get; }

    /// <summary>True once a poll has come back from the server (a call, or nothing within its hold time), until the next failure.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) > 0;

    /// <exception cref="ArgumentException">The server address is not an https URL, or the subscription id is not valid.</exception>
    public static PollingClient Start(TentacleInstanceConfig config, X509Certificate2 certificate, TrustedThumbprints trust, PollingDispatcher dispatcher, TentacleAgentOptions options, ILogger logger)
    {
        if (!Uri.TryCreate(config.ServerCommsAddress, UriKind.Absolute, out var server) || server.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"ServerCommsAddress must be the server's polling endpoint, like https://server:{TentacleProtocol.DefaultPollingPort}/ (got '{config.ServerCommsAddress}').", nameof(config));
        }

        if (TentacleProtocol.SubscriptionOf($"{TentacleProtocol.PollScheme}://{config.SubscriptionId}/") != config.SubscriptionId)
        {
            throw new ArgumentException($"SubscriptionId must be letters, digits, '-', '_' or '.' (got '{config.SubscriptionId}'); register the tentacle again to get one.", nameof(config));
        }

        var client = new PollingClient(server, config.SubscriptionId, certificate, trust, dispatcher, options, logger);
        for (var i = 0; i < Math.Max(1, options.PollingConnections); i++)
        {
            var connection = i + 1;
            client._loops.Add(Task.Run(() => client.PollLoopAsync(connection)));
        }

        return client;
    }

    private async Task PollLoopAsync(int connection)
    {
        var stopping = _stopping.Token;
        var random = new Random();
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stopping);
                if (failures > 0)
                {
                    LogReconnected(_logger, connection, Server, failures);
                }

                failures = 0;
                Interlocked.Exchange(ref _connected, 1);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException or OperationCanceledException or PollRefusedException)
            {
                failures++;
                Interlocked.Exchange(ref _connected, 0);
                var wait = PollingBackoff.Wait(failures, _options, random);
                var reason = Describe(e);
                if (failures == 1 || failures == PollingBackoff.QuickRetries + 1)
                {
                    LogPollFailed(_logger, connection, Server, reason, failures, wait.TotalSeconds);
                }
                else
                {
                    LogPollFailedAgain(_logger, connection, Server, reason, failures, wait.TotalSeconds);
                }

                try
                {
                    await Task.Delay(wait, _options.Time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One poll: waits for a call (or the server's hold time), runs it, posts the answer.</summary>
    private async Task PollOnceAsync(CancellationToken stopping)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(PollLimit);
        using var poll = await _http.GetAsync(_pollPath, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        if (poll.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return;
        }

        if (poll.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new PollRefusedException($"the server answered the poll with {(int)poll.StatusCode} {poll.ReasonPhrase}: {await poll.Content.ReadAsStringAsync(limit.Token)}");
        }

        var callId = Header(poll, TentacleProtocol.RequestIdHeader);
        var method = Header(poll, TentacleProtocol.RequestMethodHeader);
        var target = Header(poll, TentacleProtocol.RequestTargetHeader);
        if (callId.Length == 0 || method.Length == 0 || !target.StartsWith('/'))
        {
            throw new PollRefusedException($"the server sent a call without {TentacleProtocol.RequestIdHeader}, {TentacleProtocol.RequestMethodHeader} or {TentacleProtocol.RequestTargetHeader}; is it an OctoLite server of a compatible version?");
        }

        var headers = TentacleProtocol.ForwardedHeaders
            .Where(name => poll.Headers.Contains(name))
            .Select(name => KeyValuePair.Create(name, Header(poll, name)))
            .ToList();
        // The body is read before the poll ends (an upload's bytes arrive with it); the call then runs on its own, so
        // a status request held open for news does not hold this connection: the loop polls again at once.
        var body = new MemoryStream();
        await (await poll.Content.ReadAsStreamAsync(limit.Token)).CopyToAsync(body, limit.Token);
        body.Position = 0;
        var contentType = poll.Content.Headers.ContentType?.ToString();
        await _calls.WaitAsync(stopping);
        _ = Task.Run(async () =>
        {
            try
            {
                await AnswerAsync(callId, method, target, headers, contentType, body);
            }
            finally
            {
                _calls.Release();
            }
        }, CancellationToken.None);
    }

    /// <summary>Runs one call and posts its answer; a failure is logged (the server's caller times out and asks again).</summary>
    private async Task AnswerAsync(string callId, string method, string target, List<KeyValuePair<string, string>> headers, string? contentType, MemoryStream body)
    {
        try
        {
            await using (body)
            {
                // Stopping the agent ends a status request held for news (it is asked again of the next agent).
                await using var answer = await _dispatcher.DispatchAsync(method, target, headers, contentType, body.Length, body, _stopping.Token);
                await PostAnswerAsync(callId, answer);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogAnswerLost(_logger, callId, method, target, Describe(e));
        }
    }

    /// <summary>
    /// Posts the answer, again after a failure (a dropped connection, a server restarting) until the server takes it,
    /// says nobody waits for it any more, or <see cref="AnswerLimit"/> has passed.
    /// </summary>
    private async Task PostAnswerAsync(string callId, PolledAnswer answer)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        limit.CancelAfter(AnswerLimit);
        var random = new Random();
        for (var failures = 0; ; failures++)
        {
            try
            {
                await PostAnswerOnceAsync(callId, answer, limit.Token);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException && !limit.IsCancellationRequested)
            {
                var wait = PollingBackoff.Wait(failures + 1, _options, random);
                LogAnswerRetry(_logger, callId, Describe(e), wait.TotalSeconds);
                await Task.Delay(wait, _options.Time, limit.Token);
            }
        }
    }

    private async Task PostAnswerOnceAsync(string callId, PolledAnswer answer, CancellationToken cancellationToken)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, TentacleProtocol.PollResponse(_subscriptionId, callId).TrimStart('/')) { Content = answer.Content() };
        post.Headers.Add(TentacleProtocol.ResponseStatusHeader, answer.Status.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in answer.Headers)
        {
            post.Headers.TryAddWithoutValidation(name, value);
        }

        if (answer.ContentType is { Length: > 0 } contentType && MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            post.Content.Headers.ContentType = mediaType;
        }

        using var posted = await _http.SendAsync(post, cancellationToken);
        if (posted.StatusCode == System.Net.HttpStatusCode.Gone)
        {
            LogAnswerUnwanted(_logger, callId);
        }
        else if (!posted.IsSuccessStatusCode)
        {
            LogAnswerRefused(_logger, callId, (int)posted.StatusCode, await posted.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private bool IsTrustedServer(X509Certificate? presented, TrustedThumbprints trust)
    {
        var thumbprint = presented?.GetCertHashString() ?? "";
        var trusted = thumbprint.Length > 0 && trust.IsTrusted(thumbprint);
        Volatile.Write(ref _lastPresented, thumbprint);
        Volatile.Write(ref _lastPresentedTrusted, trusted);
        return trusted;
    }

    private string Describe(Exception e)
    {
        if (e is PollRefusedException)
        {
            return e.Message;
        }

        if (e is OperationCanceledException)
        {
            return $"the poll got no answer within {PollLimit.TotalSeconds:0} s";
        }

        var presented = Volatile.Read(ref _lastPresented);
        var tls = e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } || Chain(e).Any(x => x is AuthenticationException);
        if (tls && presented.Length > 0 && !Volatile.Read(ref _lastPresentedTrusted))
        {
            return $"the server presented certificate {presented}, which this tentacle does not trust; if it is your server's, trust it with `octolite tentacle configure --trust {presented}`";
        }

        // Under TLS 1.3 a server refusing this tentacle's certificate is seen only as an alert or a closed connection after the handshake.
        var refusedUs = presented.Length > 0 && Volatile.Read(ref _lastPresentedTrusted)
            && (tls || Chain(e).Any(x => x.Message.Contains("alert", StringComparison.OrdinalIgnoreCase)) || e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded });
        return refusedUs
            ? $"the server refused this tentacle's certificate ({Innermost(e).Message}); register it with `octolite tentacle register-worker --comms-style TentacleActive`"
            : Innermost(e).Message;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        // Calls still running see the stop (a held status request answers at once) and end; a few seconds at most.
        using var drain = new CancellationTokenSource(StopDrain);
        try
        {
            for (var i = 0; i < MaxConcurrentCalls; i++)
            {
                await _calls.WaitAsync(drain.Token);
            }
        }
        catch (OperationCanceledException)
        {
            LogStoppedWithCallsRunning(_logger, StopDrain.TotalSeconds);
        }

        _http.Dispose();
    }

    /// <summary>The server answered, but not with a call: refused the poll, or sent something unreadable.</summary>
    private sealed class PollRefusedException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling connection {Connection} to {Server} failed ({Reason}); failure {Failures} in a row, trying again in {Seconds:0.#} s")]
    private static partial void LogPollFailed(ILogger logger, int connection, Uri server, string reason, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polling connection {Connection} to {Server} failed again ({Reason}); failure {Failures} in a row, trying again in {Seconds:0.#} s")]
    private static partial void LogPollFailedAgain(ILogger logger, int connection, Uri server, string reason, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling connection {Connection} to {Server} is back after {Failures} failure(s)")]
    private static partial void LogReconnected(ILogger logger, int connection, Uri server, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to call {CallId} ({Method} {Target}) did not reach the server: {Reason}")]
    private static partial void LogAnswerLost(ILogger logger, string callId, string method, string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped polling with calls still running after {Seconds} s; the server asks again of the next agent")]
    private static partial void LogStoppedWithCallsRunning(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting the answer to call {CallId} failed ({Reason}); sending it again in {Seconds:0.#} s")]
    private static partial void LogAnswerRetry(ILogger logger, string callId, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The server no longer waited for the answer to call {CallId}")]
    private static partial void LogAnswerUnwanted(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server refused the answer to call {CallId} with {Status}: {Detail}")]
    private static partial void LogAnswerRefused(ILogger logger, string callId, int status, string detail);
}
