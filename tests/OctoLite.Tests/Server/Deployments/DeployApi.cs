using System.Net;
using System.Text.Json.Nodes;
using OctoLite.Tests.Server.Tasks;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Deployments;

/// <summary>Drives a real server's deployment model: environments, targets, the project's process, releases, deployments.</summary>
internal sealed class DeployApi(RunningServer server)
{
    public RunningServer Server { get; } = server;

    public TaskApi Tasks { get; } = new(server);

    public async Task<JsonNode> PostAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Server.Socket.PostAsync(path, RunningServer.Json(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> PutAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Server.Socket.PutAsync(path, RunningServer.Json(body.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<JsonNode> EnvironmentAsync(string name) => PostAsync("api/environments", new JsonObject { ["Name"] = name });

    public async Task TargetsAsync(string prefix, int count, string role, string environment, string? pool = null)
    {
        for (var i = 1; i <= count; i++)
        {
            var body = new JsonObject
            {
                ["Name"] = $"{prefix}-{i:00}",
                ["Kind"] = "CloudRegion",
                ["Roles"] = new JsonArray(role),
                ["EnvironmentIds"] = new JsonArray(environment),
            };
            if (pool is not null)
            {
                body["DefaultWorkerPoolId"] = pool;
            }

            await PostAsync("api/machines", body);
        }
    }

    public Task<JsonNode> ProcessAsync(params JsonObject[] steps) =>
        PutAsync("api/projects/Ops/deploymentprocess", new JsonObject { ["Steps"] = new JsonArray(steps.Select(s => (JsonNode)s).ToArray()) });

    public Task<JsonNode> ReleaseAsync(string version) => PostAsync("api/releases", new JsonObject { ["ProjectId"] = "Ops", ["Version"] = version });

    public async Task<string> DeployAsync(string version, string environment, params string[] skip)
    {
        var body = new JsonObject { ["ProjectId"] = "Ops", ["ReleaseId"] = version, ["EnvironmentId"] = environment };
        if (skip.Length > 0)
        {
            body["SkipActions"] = new JsonArray(skip.Select(s => (JsonNode)s).ToArray());
        }

        return (await PostAsync("api/deployments", body))["Id"]!.GetValue<string>();
    }

    public async Task ScopedVariableAsync(string name, string value, string[] environments, string[] roles, bool sensitive = false)
    {
        await PutAsync($"api/projects/Ops/variables/{Uri.EscapeDataString(name)}", new JsonObject
        {
            ["Value"] = value,
            ["IsSensitive"] = sensitive,
            ["Scope"] = new JsonObject
            {
                ["Environments"] = new JsonArray(environments.Select(e => (JsonNode)e).ToArray()),
                ["Roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
            },
        });
    }

    /// <summary>A script step that runs once per target in <paramref name="role"/>.</summary>
    public static JsonObject PerTarget(string name, string role, string script, int? maxParallelism = null, string? startTrigger = null)
    {
        var step = new JsonObject { ["Name"] = name, ["ExecutionLocation"] = "WorkerPoolOnBehalfOfRoles", ["Roles"] = new JsonArray(role), ["Script"] = script };
        if (maxParallelism is not null)
        {
            step["MaxParallelism"] = maxParallelism;
        }

        if (startTrigger is not null)
        {
            step["StartTrigger"] = startTrigger;
        }

        return step;
    }
}
