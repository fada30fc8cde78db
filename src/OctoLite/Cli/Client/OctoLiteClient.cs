using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OctoLite.Server.Api;

namespace OctoLite.Cli.Client;

/// <summary>
/// The CLI's and TUI's way to the server's REST API, over the Unix socket or TCP. Problems come back
/// as <see cref="CliException"/>s carrying the documented exit code and the server's explanation.
/// </summary>
internal sealed class OctoLiteClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServerAddress _address;

    public OctoLiteClient(ServerAddress address)
    {
        _address = address;
        if (address.SocketPath is { } socketPath)
        {
            var handler = UnixSocketHttp.CreateHandler(socketPath);
            _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
        }
        else
        {
            _http = new HttpClient { BaseAddress = address.Url };
            _http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, address.ApiKey);
        }

        _http.Timeout = TimeSpan.FromSeconds(100);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public ServerAddress Address => _address;

    public Task<T> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, typeInfo, cancellationToken);

    public Task<T> PostAsync<T>(string path, JsonObject body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, typeInfo, cancellationToken);

    public Task<T> PutAsync<T>(string path, JsonObject body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, typeInfo, cancellationToken);

    public Task<T> DeleteAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, typeInfo, cancellationToken);

    /// <summary>The path segment for a resource given by id or name.</summary>
    public static string Segment(string idOrName) => Uri.EscapeDataString(idOrName.Trim());

    public async Task<T> SendAsync<T>(HttpMethod method, string path, JsonObject? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo)
                ?? throw new CliException(ExitCodes.Failed, $"The server sent an empty answer to {method} /{path.TrimStart('/')}.");
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCodes.Failed, $"The server's answer to {method} /{path.TrimStart('/')} could not be read: {e.Message}");
        }
    }

    /// <summary>
    /// Reads a server-sent-events stream (e.g. a task's log tail) as it arrives, over the socket or TCP alike. The
    /// client's request timeout covers only the response headers, so a stream may stay open as long as it needs;
    /// it ends when the server closes it or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async IAsyncEnumerable<SseItem<string>> StreamEventsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Copies a binary response (e.g. an artifact's content) to <paramref name="destination"/> as it arrives.</summary>
    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await stream.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Sends, turning an unreachable server and an error status into <see cref="CliException"/>s; the caller disposes the response.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw Unreachable(e);
        }
        catch (SocketException e)
        {
            throw Unreachable(e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw Failure(response.StatusCode, text);
        }
    }

    public void Dispose() => _http.Dispose();

    private CliException Unreachable(Exception e) => new(ExitCodes.Unreachable, _address.SocketPath is not null
        ? $"No OctoLite server is running for this data dir (nothing answers on {_address.SocketPath}). Start one with `octolite server run`, or pass --data-dir / --server."
        : $"The OctoLite server at {_address.Url} cannot be reached: {e.Message}");

    private static CliException Failure(HttpStatusCode status, string body)
    {
        string message;
        string? field = null;
        try
        {
            var problem = JsonSerializer.Deserialize(body, CliJsonContext.Default.ProblemBody);
            field = problem?.Field;
            message = problem is null ? body : field is not null ? $"{problem.Detail} (field: {field})" : problem.Detail;
        }
        catch (JsonException)
        {
            message = $"{(int)status} {status}: {body}";
        }

        var exitCode = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Auth,
            >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => ExitCodes.Usage,
            _ => ExitCodes.Failed,
        };
        return new CliException(exitCode, message, field);
    }
}
