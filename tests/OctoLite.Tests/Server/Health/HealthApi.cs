using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Health;

/// <summary>Drives a real server's health API: changes the default machine policy, queues health checks, reads workers and their history.</summary>
internal sealed class HealthApi(RunningServer server)
{
    public const string DefaultPolicy = "Default Machine Policy";

    /// <summary>Changes the default policy's fields (a JSON object's body).</summary>
    public async Task PolicyAsync(string fields)
    {
        var response = await server.Socket.PutAsync($"api/machinepolicies/{Uri.EscapeDataString(DefaultPolicy)}", RunningServer.Json(fields));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Queues a health check; returns the task.</summary>
    public async Task<JsonNode> CheckAsync(string? body = null)
    {
        var response = await server.Socket.PostAsync("api/workers/health-check", body is null ? null : RunningServer.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Queues a health check of <paramref name="worker"/> and waits for it to end; returns the ended task.</summary>
    public async Task<JsonNode> CheckWorkerAsync(string worker, int seconds = 30)
    {
        var task = await CheckAsync(new JsonObject { ["WorkerIds"] = new JsonArray(worker) }.ToJsonString());
        var ended = await server.GetJsonAsync($"api/tasks/{task["Id"]!.GetValue<string>()}/wait?timeout={seconds}");
        Assert.True(ended["IsCompleted"]!.GetValue<bool>(), ended.ToJsonString());
        return ended;
    }

    public Task<JsonNode> WorkerAsync(string worker) => server.GetJsonAsync($"api/workers/{Uri.EscapeDataString(worker)}");

    public async Task<List<JsonNode>> HistoryAsync(string worker) =>
        (await server.GetJsonAsync($"api/workers/{Uri.EscapeDataString(worker)}/health")).AsArray().Select(e => e!).ToList();

    public static string Status(JsonNode worker) => worker["HealthStatus"]!.GetValue<string>();

    /// <summary>Calls <paramref name="tick"/> until the worker has <paramref name="status"/>, or fails after <paramref name="seconds"/>.</summary>
    public async Task<JsonNode> UntilStatusAsync(string worker, string status, Action? tick = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            tick?.Invoke();
            var current = await WorkerAsync(worker);
            if (Status(current) == status)
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{worker} never became {status}: {current.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
