using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OctoLite.Hosting;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle.Errors;
using OctoLite.Workers.Tentacle.Polling;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// The server's calls to one listening tentacle (<see cref="TentacleProtocol"/>), over mutual TLS: the server's
/// certificate as client certificate, and only the certificate pinned for the worker accepted from the tentacle
/// (no chain, no name check: trust is the thumbprint). Every failure is a <see cref="TentacleException"/> saying
/// whether trying again can help. Thread-safe; one instance per endpoint, kept by <see cref="TentacleClients"/>.
/// A polling tentacle's client sends the same calls through a <see cref="PollingHandler"/> instead: they wait in
/// the tentacle's queue for its next poll, whose TLS (and pinning) is the polling endpoint's.
/// </summary>
internal sealed class TentacleClient : IDisposable
{
    private static readonly TentacleJsonContext Json = TentacleJsonContext.Default;
    private readonly HttpClient _http;
    private readonly TentacleTimeouts _timeouts;
    private readonly string _serverThumbprint;
    private readonly PollingHandler? _polling;

    // What the last TLS handshake saw, for telling a pinning failure or a refused server certificate apart from a network error.
    private string _lastPresented = "";
    private long _handshakesAccepted;

    /// <param name="uri">A listening tentacle's <c>https://host:port/</c>, or a polling one's <c>poll://ID/</c> with <paramref name="polling"/>.</param>
    /// <param name="polling">The polling transport for a polling tentacle; null to connect to a listening one.</param>
    public TentacleClient(Uri uri, string pinnedThumbprint, X509Certificate2 serverCertificate, TentacleTimeouts timeouts, PollingHandler? polling = null)
    {
        Uri = uri;
        PinnedThumbprint = SelfSignedCertificates.Normalize(pinnedThumbprint);
        _timeouts = timeouts;
        _serverThumbprint = SelfSignedCertificates.Normalize(serverCertificate.Thumbprint);
        _polling = polling;
        if (polling is not null)
        {
            // The calls' own address does not matter: the handler queues them, and only their path and query travel.
            _http = new HttpClient(polling, disposeHandler: true) { BaseAddress = new Uri("https://polling.invalid/"), Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.Add(TentacleProtocol.VersionHeader, TentacleProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                // Always offered: a self-signed certificate matches no issuer list the tentacle could send.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => serverCertificate,
                ClientCertificates = [serverCertificate],
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => Accept(certificate),
            },
        };
        _http = new HttpClient(handler) { BaseAddress = uri, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(TentacleProtocol.VersionHeader, TentacleProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Uri Uri { get; }

    /// <summary>The only tentacle certificate this client accepts, upper-case hex.</summary>
    public string PinnedThumbprint { get; }

    /// <summary>True for a polling tentacle's client.</summary>
    public bool IsPolling => _polling is not null;

    /// <summary>
    /// A polling tentacle's pickup limit (the machine policy's PollingRequestQueueTimeout): how long a call waits for
    /// a poll before it fails "worker unavailable". Zero for a listening tentacle.
    /// </summary>
    public TimeSpan PickupTimeout
    {
        get => _polling?.PickupTimeout ?? TimeSpan.Zero;
        set
        {
            if (_polling is not null)
            {
                _polling.PickupTimeout = value;
            }
        }
    }

    public Task<TentacleCapabilities> CapabilitiesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, TentacleProtocol.Capabilities, null, Json.TentacleCapabilities, cancellationToken);

    /// <summary>Starts a script; idempotent by ticket (a repeated start returns the script's status and runs nothing).</summary>
    public Task<ScriptStatus> StartScriptAsync(StartScriptCommand command, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, TentacleProtocol.Scripts, JsonContent(command, Json.StartScriptCommand), Json.ScriptStatus, cancellationToken);

    /// <summary>The script's state and its journal entries after sequence <paramref name="after"/>.</summary>
    public Task<ScriptStatus> GetStatusAsync(string ticket, long after, CancellationToken cancellationToken) =>
        GetStatusAsync(ticket, after, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// The script's state and its journal entries after sequence <paramref name="after"/>; when there is nothing new
    /// the tentacle holds the answer up to <paramref name="wait"/> for entries or the script's end.
    /// </summary>
    public Task<ScriptStatus> GetStatusAsync(string ticket, long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var waitMs = (long)Math.Max(0, wait.TotalMilliseconds);
        var route = waitMs > 0 ? $"{TentacleProtocol.Script(ticket)}?after={after}&wait={waitMs}" : $"{TentacleProtocol.Script(ticket)}?after={after}";
        return SendAsync(HttpMethod.Get, route, null, Json.ScriptStatus, cancellationToken, extraTime: wait);
    }

    public Task<ScriptStatus> CancelAsync(string ticket, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, TentacleProtocol.Cancel(ticket), null, Json.ScriptStatus, cancellationToken);

    /// <summary>Tells the tentacle the server has everything: it deletes the script's workspace and journal.</summary>
    public Task CompleteAsync(string ticket, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, TentacleProtocol.Complete(ticket), null, null, cancellationToken);

    /// <summary>
    /// Downloads <paramref name="path"/> (relative to the script's workspace) into <paramref name="destination"/>,
    /// checking its size against <see cref="TentacleProtocol.MaxFileBytes"/> and its SHA-256 against the tentacle's.
    /// Returns the length.
    /// </summary>
    public async Task<long> DownloadFileAsync(string ticket, string path, string destination, CancellationToken cancellationToken)
    {
        var route = $"{TentacleProtocol.Files(ticket)}?path={Uri.EscapeDataString(path)}";
        return await CallAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route.TrimStart('/'));
            using var response = await SendCheckedAsync(request, route, token);
            if (response.Content.Headers.ContentLength is > TentacleProtocol.MaxFileBytes)
            {
                throw new TentacleProtocolException(Uri, $"offered {path} at {response.Content.Headers.ContentLength} bytes, more than the {TentacleProtocol.MaxFileBytes} a transfer may hold.");
            }

            var expected = response.Headers.TryGetValues(TentacleProtocol.Sha256Header, out var values) ? values.FirstOrDefault() ?? "" : "";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var source = await response.Content.ReadAsStreamAsync(token))
            await using (var target = new FileStream(destination, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, token)) > 0)
                {
                    length += read;
                    if (length > TentacleProtocol.MaxFileBytes)
                    {
                        throw new TentacleProtocolException(Uri, $"sent more than {TentacleProtocol.MaxFileBytes} bytes for {path}.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), token);
                }
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(expected.Trim(), actual, StringComparison.OrdinalIgnoreCase))
            {
                // A short read looks like this too: let the caller try again.
                throw new TentacleUnavailableException(Uri, $"sent {path} with SHA-256 {actual}, but announced {(expected.Length == 0 ? "none" : expected)}; the transfer was incomplete");
            }

            return length;
        }, route, _timeouts.FileTransfer, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private bool Accept(X509Certificate? certificate)
    {
        var presented = certificate is null ? "" : SelfSignedCertificates.Normalize(certificate.GetCertHashString(HashAlgorithmName.SHA1));
        Volatile.Write(ref _lastPresented, presented);
        var accepted = presented.Length > 0 && string.Equals(presented, PinnedThumbprint, StringComparison.Ordinal);
        if (accepted)
        {
            Interlocked.Increment(ref _handshakesAccepted);
        }

        return accepted;
    }

    private Task<T> SendAsync<T>(HttpMethod method, string route, HttpContent? content, JsonTypeInfo<T>? type, CancellationToken cancellationToken, TimeSpan extraTime = default) =>
        CallAsync(async token =>
        {
            using var request = new HttpRequestMessage(method, route.TrimStart('/')) { Content = content };
            request.Options.Set(PollingHandler.AnswerWithin, extraTime + _timeouts.PollingAnswer);
            using var response = await SendCheckedAsync(request, route, token);
            if (type is null)
            {
                return default!;
            }

            var text = await response.Content.ReadAsStringAsync(token);
            try
            {
                return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("empty answer");
            }
            catch (JsonException e)
            {
                throw new TentacleProtocolException(Uri, $"answered {method} {route} with something this server cannot read ({e.Message}); is it a tentacle of a compatible version?", e);
            }
        }, route, _timeouts.Request + extraTime, cancellationToken);

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, string route, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Over polling the call first waits for a poll (failing on its own when none comes), then has the same time to be answered.
        limit.CancelAfter(timeout + PickupTimeout);
        var handshakesBefore = Interlocked.Read(ref _handshakesAccepted);
        try
        {
            return await call(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TentacleUnavailableException(Uri, $"did not answer {route} within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw Translate(e, handshakesBefore);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // SocketException: a connection reset while the handler sets it up can surface unwrapped (ENOTCONN).
            throw new TentacleUnavailableException(Uri, $"dropped the connection during {route}: {e.Message}", e);
        }
    }

    private TentacleException Translate(HttpRequestException e, long handshakesBefore)
    {
        var presented = Volatile.Read(ref _lastPresented);
        var tls = e.HttpRequestError == HttpRequestError.SecureConnectionError || Chain(e).Any(x => x is AuthenticationException);
        if (tls && presented.Length > 0 && presented != PinnedThumbprint)
        {
            return new TentacleCertificateMismatchException(Uri, presented, PinnedThumbprint);
        }

        // The tentacle's certificate was the pinned one on a connection made for this call, and the tentacle then
        // ended the handshake or the connection at once: it refused our certificate (under TLS 1.3 the refusal
        // arrives after the client's side of the handshake is done, as an alert on the first read).
        var acceptedNow = Interlocked.Read(ref _handshakesAccepted) > handshakesBefore;
        if (acceptedNow && (tls || Chain(e).Any(x => x.Message.Contains("alert", StringComparison.OrdinalIgnoreCase)) || e.HttpRequestError is HttpRequestError.ResponseEnded))
        {
            return new TentacleUntrustedException(Uri, _serverThumbprint, e);
        }

        if (tls && Chain(e).Any(x => x is AuthenticationException))
        {
            return new TentacleProtocolException(Uri, $"could not complete a TLS handshake ({Innermost(e).Message}); is a tentacle listening there with https?", e);
        }

        var reason = e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError when Chain(e).OfType<System.Net.Sockets.SocketException>().FirstOrDefault() is { } socket => socket.SocketErrorCode switch
            {
                System.Net.Sockets.SocketError.ConnectionRefused => "refused the connection (is the tentacle running and listening on that port?)",
                System.Net.Sockets.SocketError.TimedOut => $"did not accept a connection within {_timeouts.Connect.TotalSeconds:0.#} s",
                _ => $"could not be connected to: {socket.Message}",
            },
            HttpRequestError.NameResolutionError => $"could not be found: {Innermost(e).Message}",
            _ => $"could not be reached: {Innermost(e).Message}",
        };
        return new TentacleUnavailableException(Uri, reason, e);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, string route, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = await ProblemDetailAsync(response, cancellationToken);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new TentacleUntrustedException(Uri, _serverThumbprint),
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
                    new TentacleUnavailableException(Uri, $"answered {request.Method} {route} with {(int)response.StatusCode} {response.ReasonPhrase}{detail}"),
                HttpStatusCode.NotFound => new TentacleProtocolException(Uri, $"has nothing at {request.Method} {route}{detail}"),
                _ => new TentacleProtocolException(Uri, $"refused {request.Method} {route} with {(int)response.StatusCode} {response.ReasonPhrase}{detail}"),
            };
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length == 0)
            {
                return "";
            }

            var problem = JsonSerializer.Deserialize(text, Json.TentacleProblem);
            return problem is null ? "" : $": {problem.Detail}";
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static StringContent JsonContent<T>(T value, JsonTypeInfo<T> type) =>
        new(JsonSerializer.Serialize(value, type), Encoding.UTF8, "application/json");

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();
}
