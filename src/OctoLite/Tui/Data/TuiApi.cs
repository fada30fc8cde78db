using System.Text.Json.Nodes;
using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Server.Api;
using OctoLite.Server.Tasks;

namespace OctoLite.Tui.Data;

/// <summary>
/// What the terminal UI asks of the server, typed: a thin layer over the CLI's <see cref="OctoLiteClient"/>, so the
/// TUI speaks the same REST API as every other client. Failures arrive as <see cref="CliException"/>s whose message
/// is fit to show as is.
/// </summary>
internal sealed partial class TuiApi(OctoLiteClient client)
{
    private static readonly CliJsonContext Json = CliJsonContext.Default;

    public OctoLiteClient Client => client;

    public Task<ServerStatus> ServerStatusAsync(CancellationToken ct) => client.GetAsync("api/serverstatus", Json.ServerStatus, ct);

    public Task<ServerConfiguration> ConfigurationAsync(CancellationToken ct) => client.GetAsync("api/configuration", Json.ServerConfiguration, ct);

    public Task<ServerConfiguration> UpdateConfigurationAsync(JsonObject patch, CancellationToken ct) => client.PutAsync("api/configuration", patch, Json.ServerConfiguration, ct);


    // Worker pools

    public Task<List<WorkerPool>> PoolsAsync(CancellationToken ct) => client.GetAsync("api/workerpools/all", Json.ListWorkerPool, ct);

    public Task<List<WorkerPoolSummary>> PoolSummariesAsync(CancellationToken ct) => client.GetAsync("api/workerpools/summary", Json.ListWorkerPoolSummary, ct);

    public Task<WorkerPool> CreatePoolAsync(JsonObject body, CancellationToken ct) => client.PostAsync("api/workerpools", body, Json.WorkerPool, ct);

    public Task<WorkerPool> UpdatePoolAsync(string id, JsonObject patch, CancellationToken ct) =>
        client.PutAsync($"api/workerpools/{OctoLiteClient.Segment(id)}", patch, Json.WorkerPool, ct);

    public Task<WorkerPool> DeletePoolAsync(string id, CancellationToken ct) =>
        client.DeleteAsync($"api/workerpools/{OctoLiteClient.Segment(id)}", Json.WorkerPool, ct);

    public Task<List<WorkerPool>> ReorderPoolsAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        client.PutAsync("api/workerpools/sortorder", new JsonObject { ["WorkerPoolIds"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()) }, Json.ListWorkerPool, ct);

    // Workers

    /// <summary>Every worker, page by page.</summary>
    public Task<List<Worker>> WorkersAsync(CancellationToken ct) => Cli.Tentacle.TentacleRegistrationServer.ListWorkersAsync(client, ct);

    // Tasks

    public Task<ResourceCollection<ServerTask>> TasksAsync(int take, CancellationToken ct) =>
        client.GetAsync($"api/tasks?take={take}", Json.ResourceCollectionServerTask, ct);
}
