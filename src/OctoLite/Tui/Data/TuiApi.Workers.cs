using System.Text.Json.Nodes;
using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Server.Api;

namespace OctoLite.Tui.Data;

/// <summary>Workers, their health, leases and machine policies.</summary>
internal sealed partial class TuiApi
{
    public Task<Worker> CreateWorkerAsync(JsonObject body, CancellationToken ct) => client.PostAsync("api/workers", body, Json.Worker, ct);

    public Task<Worker> UpdateWorkerAsync(string id, JsonObject patch, CancellationToken ct) =>
        client.PutAsync($"api/workers/{OctoLiteClient.Segment(id)}", patch, Json.Worker, ct);

    public Task<Worker> DeleteWorkerAsync(string id, CancellationToken ct) =>
        client.DeleteAsync($"api/workers/{OctoLiteClient.Segment(id)}", Json.Worker, ct);

    /// <summary>The worker's health history, newest first.</summary>
    public Task<List<WorkerHealthRecord>> WorkerHealthAsync(string id, int take, CancellationToken ct) =>
        client.GetAsync($"api/workers/{OctoLiteClient.Segment(id)}/health?take={take}", Json.ListWorkerHealthRecord, ct);

    /// <summary>Queues a Health task for the one worker; the task is returned.</summary>
    public Task<ServerTask> CheckWorkerHealthAsync(string id, CancellationToken ct) =>
        client.PostAsync("api/workers/health-check", new JsonObject { ["WorkerIds"] = new JsonArray(id) }, Json.ServerTask, ct);

    /// <summary>Has the server call a listening tentacle once; an unreachable one is a result, not an error.</summary>
    public Task<WorkerConnection> WorkerConnectionAsync(string id, CancellationToken ct) =>
        client.GetAsync($"api/workers/{OctoLiteClient.Segment(id)}/connection", Json.WorkerConnection, ct);

    /// <summary>The leases workers hold now.</summary>
    public Task<List<ActiveLease>> LeasesAsync(CancellationToken ct) => client.GetAsync("api/workerleases", Json.ListActiveLease, ct);

    // Machine policies

    public Task<List<MachinePolicy>> PoliciesAsync(CancellationToken ct) => client.GetAsync("api/machinepolicies/all", Json.ListMachinePolicy, ct);

    public Task<MachinePolicy> UpdatePolicyAsync(string id, JsonObject patch, CancellationToken ct) =>
        client.PutAsync($"api/machinepolicies/{OctoLiteClient.Segment(id)}", patch, Json.MachinePolicy, ct);
}
