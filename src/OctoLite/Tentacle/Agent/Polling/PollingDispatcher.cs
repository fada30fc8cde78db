using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent.Polling;

/// <summary>
/// Runs a call that arrived by polling through the same middleware and routes the listener serves
/// (<see cref="TentacleProblemMiddleware"/>, <see cref="ProtocolVersionMiddleware"/>, <see cref="TentacleEndpoints"/>),
/// so both transports answer exactly alike. The answer's body is buffered (<see cref="AnswerBuffer"/>: in memory,
/// spilling to a private file in the home directory past 64 KB) because its status and headers travel ahead of it,
/// and so that an answer whose post was cut off can be sent again.
/// </summary>
internal sealed class PollingDispatcher : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RequestDelegate _pipeline;
    private readonly string _bufferFolder;

    public PollingDispatcher(string homeDirectory, ScriptService scripts, TentacleCapabilitiesProbe probe, ILoggerFactory loggerFactory)
    {
        _services = new ServiceCollection()
            .AddSingleton(scripts)
            .AddSingleton(new WorkspaceFiles(scripts))
            .AddSingleton(probe)
            .BuildServiceProvider();
        var versioned = new ProtocolVersionMiddleware(TentacleEndpoints.DispatchAsync);
        _pipeline = new TentacleProblemMiddleware(versioned.InvokeAsync, loggerFactory.CreateLogger<TentacleProblemMiddleware>()).InvokeAsync;
        _bufferFolder = Path.Combine(homeDirectory, "polling");
    }

    /// <summary>Runs one call; the caller sends the answer and disposes it.</summary>
    /// <param name="target">The call's path and query, e.g. <c>/tentacle/v1/scripts/T?after=3</c>.</param>
    public async Task<PolledAnswer> DispatchAsync(string method, string target, IEnumerable<KeyValuePair<string, string>> headers, string? contentType, long? contentLength, Stream body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_bufferFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var buffer = new AnswerBuffer(_bufferFolder);
        var context = new DefaultHttpContext { RequestServices = _services, RequestAborted = cancellationToken };
        var request = context.Request;
        request.Method = method;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        request.Path = PathString.FromUriComponent(query < 0 ? target : target[..query]);
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(target[query..]);
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        request.ContentType = contentType;
        request.ContentLength = contentLength;
        request.Body = body;
        context.Response.Body = buffer;
        try
        {
            await _pipeline(context);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }

        var response = context.Response;
        var forwarded = TentacleProtocol.ForwardedHeaders
            .Where(name => response.Headers.ContainsKey(name))
            .Select(name => KeyValuePair.Create(name, response.Headers[name].ToString()))
            .ToList();
        return new PolledAnswer(response.StatusCode, response.ContentType, forwarded, buffer);
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>A call's answer, ready to post back: its status, headers, and buffered body.</summary>
internal sealed class PolledAnswer(int status, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers, AnswerBuffer body) : IAsyncDisposable
{
    public int Status { get; } = status;

    public string? ContentType { get; } = contentType;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    /// <summary>The body as request content for one post of the answer, read from its start (its length known, so no chunking).</summary>
    public HttpContent Content()
    {
        var content = new StreamContent(body.OpenRead());
        content.Headers.ContentLength = body.Length;
        return content;
    }

    public ValueTask DisposeAsync() => body.DisposeAsync();
}
