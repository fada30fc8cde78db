using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OctoLite.Benchmarks;

/// <summary>
/// The few REST calls the task scenarios make, over the data dir's Unix socket (no API key), as the CLI's own
/// client does. Bodies are read with <see cref="JsonNode"/>/<see cref="JsonDocument"/>, so no serializer
/// metadata is needed. Any answer but the expected status is a failed measurement quoting the server's words.
/// </summary>
internal sealed class ServerApi : IDisposable
{
    /// <summary>Longest one <c>/wait</c> call asks the server to hold; <see cref="WaitAsync"/> asks again until <see cref="Timeouts.Task"/>.</summary>
    private const int WaitSeconds = 60;

    private readonly HttpClient _http;

    public ServerApi(string socketPath)
    {
        var handler = OctoLite.Cli.Client.UnixSocketHttp.CreateHandler(socketPath);
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = TimeSpan.FromSeconds(WaitSeconds + 30) };
    }

    public Task CreateProjectAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/projects", new JsonObject { ["Name"] = name }, HttpStatusCode.Created, cancellationToken);

    /// <summary>A runbook of one bash step running <paramref name="script"/>.</summary>
    /// <param name="workerPool">The step's worker pool (name or id); null for the default pool, which the built-in worker serves while it has no workers.</param>
    public Task CreateRunbookAsync(string project, string name, string script, string? workerPool, CancellationToken cancellationToken)
    {
        var step = new JsonObject { ["Name"] = "S", ["Syntax"] = "Bash", ["Script"] = script };
        if (workerPool is not null)
        {
            step["WorkerPool"] = workerPool;
        }

        return SendAsync(HttpMethod.Post, "api/runbooks", new JsonObject
        {
            ["ProjectId"] = project,
            ["Name"] = name,
            ["Process"] = new JsonObject { ["Steps"] = new JsonArray(step) },
        }, HttpStatusCode.Created, cancellationToken);
    }

    public Task CreateWorkerPoolAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/workerpools", new JsonObject { ["Name"] = name }, HttpStatusCode.Created, cancellationToken);

    /// <summary>Creates an API key and returns it in clear (the only answer that holds it).</summary>
    public async Task<string> CreateApiKeyAsync(string name, CancellationToken cancellationToken)
    {
        var created = await SendAsync(HttpMethod.Post, "api/apikeys", new JsonObject { ["Name"] = name }, HttpStatusCode.Created, cancellationToken);
        return created["ApiKey"]?.GetValue<string>() is { Length: > 0 } key
            ? key
            : throw new MeasurementException("The server created an API key but sent no key.");
    }

    /// <summary>Where tentacles reach the server, from <c>GET /api/serverstatus</c>.</summary>
    public async Task<ServerEndpoints> EndpointsAsync(CancellationToken cancellationToken)
    {
        var status = await SendAsync(HttpMethod.Get, "api/serverstatus", null, HttpStatusCode.OK, cancellationToken);
        var addresses = status["ListenAddresses"] as JsonArray ?? [];
        var api = addresses.Select(address => address?.GetValue<string>()).FirstOrDefault(IsTcpApi);
        var pollingPort = status["PollingPort"] is JsonValue port && port.TryGetValue<int>(out var number) ? number : (int?)null;
        var thumbprint = status["Thumbprint"]?.GetValue<string>() ?? "";
        return api is not null && pollingPort is not null && thumbprint.Length > 0
            ? new ServerEndpoints(api, pollingPort.Value, thumbprint)
            : throw new MeasurementException($"The server's status lacks an http:// listen address, a polling port or a thumbprint: {status.ToJsonString()}");
    }

    public Task SetTaskCapAsync(int taskCap, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "api/configuration", new JsonObject { ["TaskCap"] = taskCap }, HttpStatusCode.OK, cancellationToken);

    /// <summary>Queues a run of the runbook and returns the task's id.</summary>
    public async Task<string> QueueRunAsync(string project, string runbook, CancellationToken cancellationToken)
    {
        var task = await SendAsync(HttpMethod.Post, $"api/runbooks/{Uri.EscapeDataString(runbook)}/run?project={Uri.EscapeDataString(project)}", null, HttpStatusCode.Created, cancellationToken);
        return task["Id"]?.GetValue<string>() ?? throw new MeasurementException($"The server queued a run but sent no task id: {task.ToJsonString()}");
    }

    /// <summary>Returns the task once it has finished, whatever its state; past <see cref="Timeouts.Task"/> the measurement fails.</summary>
    public async Task<FinishedTask> WaitAsync(string taskId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Timeouts.Task;
        while (true)
        {
            var task = await SendAsync(HttpMethod.Get, $"api/tasks/{taskId}/wait?timeout={WaitSeconds}", null, HttpStatusCode.OK, cancellationToken);
            if (task["IsCompleted"]?.GetValue<bool>() == true)
            {
                return new FinishedTask(
                    taskId,
                    task["State"]?.GetValue<string>() ?? "",
                    task["ErrorMessage"]?.GetValue<string>() ?? "",
                    task["LogLineCount"]?.GetValue<long>() ?? 0,
                    Time(task, "QueueTime") ?? default,
                    Time(task, "StartTime"),
                    Time(task, "CompletedTime"));
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new MeasurementException($"Task {taskId} did not finish within {Timeouts.Task.TotalMinutes:0} min (state {task["State"]}).");
            }
        }
    }

    /// <summary>One page of a task's log: up to <paramref name="take"/> lines with a sequence above <paramref name="after"/>.</summary>
    public async Task<TaskLogPage> ReadLogAsync(string taskId, long after, int take, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/tasks/{taskId}/log?after={after}&take={take}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Unexpected("GET", $"api/tasks/{taskId}/log", response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var page = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = page.RootElement;
        var lines = root.GetProperty("Lines").EnumerateArray()
            .Select(line => new TaskLogPageLine(line.GetProperty("Sequence").GetInt64(), line.GetProperty("Text").GetString() ?? ""))
            .ToList();
        return new TaskLogPage(lines, root.GetProperty("Next").GetInt64(), root.GetProperty("IsComplete").GetBoolean());
    }

    /// <summary>The last lines of a task's log, to explain a task that did not succeed.</summary>
    public async Task<string> LogTailAsync(string taskId, long lineCount, CancellationToken cancellationToken)
    {
        var page = await ReadLogAsync(taskId, Math.Max(0, lineCount - 20), 20, cancellationToken);
        return string.Join('\n', page.Lines.Select(line => line.Text));
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw Unexpected(method.Method, path, response.StatusCode, text);
        }

        return JsonNode.Parse(text) as JsonObject
            ?? throw new MeasurementException($"{method} /{path} answered {text}, not a JSON object.");
    }

    /// <summary>True for <c>http://127.0.0.1:PORT</c>; not for the socket (<c>http://unix:/…/octolite.sock</c>) nor the polling endpoint (https).</summary>
    private static bool IsTcpApi(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host, out _);

    private static DateTimeOffset? Time(JsonObject task, string name) =>
        task[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    private static MeasurementException Unexpected(string method, string path, HttpStatusCode status, string text) =>
        new($"{method} /{path} answered {(int)status} {status}: {text}");
}
