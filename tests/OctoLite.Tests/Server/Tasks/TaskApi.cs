using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Tasks;

/// <summary>Drives a real server's task API: makes a project and runbooks, runs them, waits for them.</summary>
internal sealed class TaskApi(RunningServer server)
{
    public RunningServer Server { get; } = server;

    public async Task ProjectAsync(string name = "Ops")
    {
        var response = await Server.Socket.PostAsync("api/projects", RunningServer.Json(new JsonObject { ["Name"] = name }.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task VariableAsync(string name, string value, bool sensitive = false, string project = "Ops")
    {
        var response = await Server.Socket.PutAsync($"api/projects/{project}/variables/{Uri.EscapeDataString(name)}",
            RunningServer.Json(new JsonObject { ["Value"] = value, ["IsSensitive"] = sensitive }.ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Creates a runbook whose steps are (name, bash script) pairs, or full step objects.</summary>
    public async Task<string> RunbookAsync(string name, params JsonObject[] steps)
    {
        var body = new JsonObject
        {
            ["ProjectId"] = "Ops",
            ["Name"] = name,
            ["Process"] = new JsonObject { ["Steps"] = new JsonArray(steps.Select(s => (JsonNode)s).ToArray()) },
        };
        var response = await Server.Socket.PostAsync("api/runbooks", RunningServer.Json(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["Id"]!.GetValue<string>();
    }

    public static JsonObject Bash(string name, string script, string? timeout = null)
    {
        var step = new JsonObject { ["Name"] = name, ["Script"] = script };
        if (timeout is not null)
        {
            step["Timeout"] = timeout;
        }

        return step;
    }

    public async Task<string> RunAsync(string runbook, string? body = null)
    {
        var response = await Server.Socket.PostAsync($"api/runbooks/{Uri.EscapeDataString(runbook)}/run?project=Ops", body is null ? null : RunningServer.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["Id"]!.GetValue<string>();
    }

    public async Task<JsonNode> TaskAsync(string id) => await Server.GetJsonAsync($"api/tasks/{id}");

    public async Task<JsonNode> WaitAsync(string id, int seconds = 30)
    {
        var task = await Server.GetJsonAsync($"api/tasks/{id}/wait?timeout={seconds}");
        Assert.True(task["IsCompleted"]!.GetValue<bool>(), $"{id} did not finish within {seconds} s: {task.ToJsonString()}");
        return task;
    }

    public async Task WaitForStateAsync(string id, string state, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while ((await TaskAsync(id))["State"]!.GetValue<string>() != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never reached {state}: {(await TaskAsync(id)).ToJsonString()}");
            await Task.Delay(20);
        }
    }

    /// <summary>Every log line of a task, read through the paged API.</summary>
    public async Task<List<JsonNode>> LogAsync(string id)
    {
        var lines = new List<JsonNode>();
        long after = 0;
        while (true)
        {
            var page = await Server.GetJsonAsync($"api/tasks/{id}/log?after={after}&take=10000");
            var batch = page["Lines"]!.AsArray().Select(l => l!).ToList();
            lines.AddRange(batch);
            after = page["Next"]!.GetValue<long>();
            if (batch.Count == 0)
            {
                return lines;
            }
        }
    }

    public async Task<List<string>> LogTextAsync(string id) => (await LogAsync(id)).Select(l => l["Text"]!.GetValue<string>()).ToList();

    public async Task SetConfigurationAsync(string json)
    {
        var response = await Server.Socket.PutAsync("api/configuration", RunningServer.Json(json));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
