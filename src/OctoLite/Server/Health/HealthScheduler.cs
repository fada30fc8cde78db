using OctoLite.Domain;
using OctoLite.Server.Tasks;
using OctoLite.Storage;

namespace OctoLite.Server.Health;

/// <summary>
/// Queues scheduled health checks: every <see cref="HealthTimings.SchedulerTick"/>, for each machine policy, the
/// enabled tentacle workers under it whose last check (or, never checked, this server's start) is at least the
/// policy's HealthCheckInterval ago are checked in one Health task. While a policy's task is queued or running no
/// other is queued for it, so a slow check or a full task queue never piles checks up.
/// </summary>
internal sealed partial class HealthScheduler(OctoStore store, TaskService tasks, HealthTimings timings, TimeProvider time, ILogger<HealthScheduler> logger) : TickingService(time)
{
    // Policy id → its last scheduled task; it and _remembered change under _gate.
    private readonly Dictionary<string, string> _queued = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _remembered;

    protected override TimeSpan Interval => timings.SchedulerTick;

    protected override void TickFailed(Exception exception) => LogTickFailed(logger, exception);

    /// <summary>
    /// One look at every policy: queues a check for each whose workers are due. Internal for tests, which call it
    /// instead of waiting for the loop; calls never overlap.
    /// </summary>
    internal override void Tick()
    {
        lock (_gate)
        {
            if (!_remembered)
            {
                Remember();
                _remembered = true;
            }

            var now = Time.GetUtcNow();
            var (policies, workers) = store.Read(s => (s.Policies.All(), s.Workers.All()));
            foreach (var policy in policies)
            {
                if (_queued.TryGetValue(policy.Id, out var taskId) && tasks.Find(taskId) is { IsSuccess: true, Value.IsCompleted: false })
                {
                    continue;
                }

                var due = workers.Where(w => w.MachinePolicyId == policy.Id && !w.IsDisabled
                        && w.Endpoint.CommunicationStyle.IsTentacle()
                        && (w.LastHealthCheck ?? Started) + policy.HealthCheckInterval <= now)
                    .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
                    .ToList();
                if (due.Count == 0)
                {
                    continue;
                }

                var queued = tasks.QueueScheduledHealthCheck(policy, due);
                if (queued.IsSuccess)
                {
                    _queued[policy.Id] = queued.Value.Id;
                }
            }
        }
    }

    /// <summary>
    /// Scheduled checks a previous server process queued and that have not run yet count as queued. Read at the first
    /// tick, not at start, so that a large task history does not slow the start.
    /// </summary>
    private void Remember()
    {
        var active = store.Read(s => s.Tasks.All().Where(t => t is { Kind: TaskKind.Health, IsCompleted: false, HealthCheck.MachinePolicyId.Length: > 0 })
            .Select(t => (t.HealthCheck!.MachinePolicyId, t.Id)).ToList());
        foreach (var (policyId, taskId) in active)
        {
            _queued[policyId] = taskId;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The health check scheduler could not look for due workers; it tries again at its next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
