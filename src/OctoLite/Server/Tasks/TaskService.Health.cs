using OctoLite.Domain;
using OctoLite.Server.Health;
using OctoLite.Server.Security;

namespace OctoLite.Server.Tasks;

/// <summary>Queuing Health tasks: asked for (all workers, a pool's, or named ones), or by a machine policy's interval.</summary>
internal sealed partial class TaskService
{
    /// <param name="reason">Added to the description when the server itself asks (e.g. a polling tentacle is back).</param>
    public Result<ServerTask> QueueHealthCheck(HealthCheckRequest request, Actor who, string? reason = null)
    {
        if (CheckTimeout(request.Timeout) is { } invalid)
        {
            return invalid;
        }

        var named = (request.WorkerIds ?? []).ToList();
        if (named.Any(string.IsNullOrWhiteSpace))
        {
            // A blank name must not quietly widen the check to every worker.
            return Problem.Invalid("WorkerIds", "A worker to check is blank: give each worker's name or id, or leave WorkerIds out to check every worker.");
        }

        if (named.Count > 0 && !string.IsNullOrWhiteSpace(request.WorkerPoolId))
        {
            return Problem.Invalid("WorkerPoolId", "Give the workers to check (WorkerIds) or a pool whose workers to check (WorkerPoolId), not both.");
        }

        return Queue(s =>
        {
            var scope = new HealthCheckScope();
            string description, details;
            if (named.Count > 0)
            {
                var workers = s.Workers.All();
                var found = new List<Worker>();
                foreach (var reference in named)
                {
                    if (Lookup.ByIdOrName(workers, reference, w => w.Id, w => w.Name) is not { } worker)
                    {
                        return Problem.NotFound("worker", reference) with { Field = "WorkerIds" };
                    }

                    if (found.All(w => w.Id != worker.Id))
                    {
                        found.Add(worker);
                    }
                }

                scope = scope with { WorkerIds = found.Select(w => w.Id).ToList() };
                description = $"Check health of {(found.Count == 1 ? "worker" : "workers")} {string.Join(", ", found.Select(w => w.Name))}";
                details = $"Workers: {string.Join(", ", scope.WorkerIds)}";
            }
            else if (!string.IsNullOrWhiteSpace(request.WorkerPoolId))
            {
                if (Lookup.ByIdOrName(s.Pools.All(), request.WorkerPoolId, p => p.Id, p => p.Name) is not { } pool)
                {
                    return Problem.NotFound("worker pool", request.WorkerPoolId) with { Field = "WorkerPoolId" };
                }

                scope = scope with { WorkerPoolId = pool.Id };
                description = $"Check health of the workers in pool {pool.Name}";
                details = $"Pool: {pool.Id}";
            }
            else
            {
                description = "Check health of all workers";
                details = "All workers";
            }

            var task = NewTask(s, TaskKind.Health, description + (reason is null ? "" : $" ({reason})"), "", new DeploymentProcess(), request.Timeout, who) with { HealthCheck = scope };
            return (task, details);
        }, who);
    }

    /// <summary>The health check a machine policy's interval asks for: <paramref name="due"/>, its workers whose last check is that long ago.</summary>
    public Result<ServerTask> QueueScheduledHealthCheck(MachinePolicy policy, IReadOnlyList<Worker> due) => Queue(s =>
    {
        var scope = new HealthCheckScope { WorkerIds = due.Select(w => w.Id).ToList(), MachinePolicyId = policy.Id };
        var description = $"Scheduled health check of {due.Count} worker(s) under machine policy {policy.Name}";
        var task = NewTask(s, TaskKind.Health, description, "", new DeploymentProcess(), null, Actor.System) with { HealthCheck = scope };
        return (task, $"Machine policy: {policy.Id}; workers: {string.Join(", ", scope.WorkerIds)}");
    }, Actor.System);
}
