using System.Text.Json.Nodes;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Tui.Data;

internal sealed partial class TuiApi
{
    public Task<List<Project>> ProjectsAsync(CancellationToken ct) => client.GetAsync("api/projects/all", Json.ListProject, ct);

    public Task<List<Runbook>> AllRunbooksAsync(CancellationToken ct) => client.GetAsync("api/runbooks/all", Json.ListRunbook, ct);

    public Task<List<DeploymentEnvironment>> EnvironmentsAsync(CancellationToken ct) => client.GetAsync("api/environments/all", Json.ListDeploymentEnvironment, ct);

    /// <summary>Queues a run of the runbook, in the environment when one is given (name or id).</summary>
    public Task<ServerTask> RunRunbookAsync(string runbookId, string? environment, CancellationToken ct)
    {
        var body = new JsonObject();
        if (!string.IsNullOrWhiteSpace(environment))
            body["EnvironmentId"] = environment.Trim();
        return client.PostAsync($"api/runbooks/{OctoLiteClient.Segment(runbookId)}/run", body, Json.ServerTask, ct);
    }

    /// <summary>Queues a deployment of the project's release (version or id) to the environment (name or id).</summary>
    public Task<ServerTask> DeployAsync(string projectId, string release, string environment, CancellationToken ct) =>
        client.PostAsync("api/deployments", new JsonObject
        {
            ["ProjectId"] = projectId,
            ["ReleaseId"] = release.Trim(),
            ["EnvironmentId"] = environment.Trim(),
        }, Json.ServerTask, ct);

    /// <summary>The project's releases, newest first as the server lists them.</summary>
    public async Task<IReadOnlyList<Release>> ReleasesAsync(string projectId, CancellationToken ct)
    {
        var page = await client.GetAsync($"api/releases?take=1000&project={Uri.EscapeDataString(projectId)}", Json.ResourceCollectionRelease, ct);
        return page.Items;
    }
}
