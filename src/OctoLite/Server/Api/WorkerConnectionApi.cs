using OctoLite.Domain;
using OctoLite.Server.Pools;
using OctoLite.Workers.Tentacle;
using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Server.Api;

/// <summary>
/// <c>GET /api/workers/{idOrName}/connection</c>: the server calls a listening tentacle once (capabilities), with the
/// certificates a step would use, and says what happened. Changes nothing; a tentacle that cannot be reached is a
/// result (200, Reachable false), not an error.
/// </summary>
internal static class WorkerConnectionApi
{
    public static RouteHandlerBuilder MapWorkerConnectionApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/workers/{idOrName}/connection", async (WorkerService workers, TentacleClients clients, string idOrName, CancellationToken cancellationToken) =>
        {
            var found = workers.Find(idOrName);
            if (!found.IsSuccess)
            {
                return ApiResults.Problem(found.Problem);
            }

            var worker = found.Value;
            if (worker.Endpoint.CommunicationStyle != CommunicationStyle.TentaclePassive || !Uri.TryCreate(worker.Endpoint.Uri, UriKind.Absolute, out var uri))
            {
                return ApiResults.Problem(new Problem(409, "Not a listening worker",
                    $"Worker '{worker.Name}' is {worker.Endpoint.CommunicationStyle}; the server can call only listening tentacles (TentaclePassive)."));
            }

            WorkerConnection connection;
            try
            {
                var capabilities = await clients.For(uri, worker.Endpoint.Thumbprint ?? "").CapabilitiesAsync(cancellationToken);
                connection = new WorkerConnection(worker.Id, worker.Name, uri.ToString(), true,
                    $"tentacle {capabilities.AgentVersion} on {capabilities.MachineName} ({capabilities.OperatingSystem}), protocol {capabilities.ProtocolVersion}, shells {string.Join(", ", capabilities.Shells)}",
                    capabilities);
            }
            catch (TentacleException e)
            {
                connection = new WorkerConnection(worker.Id, worker.Name, uri.ToString(), false, e.Message, null);
            }

            return TypedResults.Json(connection, ApiJsonContext.Default.WorkerConnection);
        });
}
