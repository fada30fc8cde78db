using OctoLite.Domain;
using OctoLite.Server.Security;
using OctoLite.Server.Tasks;
using OctoLite.Storage;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle.Polling;

namespace OctoLite.Server.Health;

/// <summary>
/// Watches polling tentacles between health checks. A polling tentacle is heard from on every poll (its queue's
/// LastSeen, in memory); every <see cref="HealthTimings.LivenessTick"/> this stores a worker's LastSeen when the
/// stored one is <see cref="HealthTimings.LastSeenWriteInterval"/> old, and marks Unavailable a worker heard from
/// before that has been silent for longer than its policy's PollingRequestQueueTimeout (silence counts from this
/// server's start at the earliest: it could not hear polls while it was down). When a worker so marked polls again,
/// a health check of it is queued, so it does not wait for the next scheduled one to be trusted again.
/// </summary>
internal sealed partial class PollingLiveness(
    OctoStore store, PollingQueues queues, WorkerHealthService health, TaskService tasks, HealthTimings timings, TimeProvider time, ILogger<PollingLiveness> logger) : TickingService(time)
{
    // The spell of unavailability (its start) each worker was last re-checked for; changed under _gate.
    private readonly Dictionary<string, DateTimeOffset?> _rechecked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    protected override TimeSpan Interval => timings.LivenessTick;

    protected override void TickFailed(Exception exception) => LogTickFailed(logger, exception);

    /// <summary>
    /// One look at every polling worker. Internal for tests, which call it instead of waiting for the loop; calls
    /// never overlap.
    /// </summary>
    internal override void Tick()
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var (workers, policies) = store.Read(s => (
                s.Workers.All().Where(w => w.Endpoint.CommunicationStyle == CommunicationStyle.TentacleActive).ToList(),
                s.Policies.All().ToDictionary(p => p.Id)));
            foreach (var worker in workers)
            {
                var queue = TentacleProtocol.SubscriptionOf(worker.Endpoint.Uri) is { } subscription ? queues.Find(subscription) : null;
                // A poll held open now is the tentacle there now.
                var heard = queue is { WaitingPolls: > 0 } ? now : queue?.LastSeen;
                if (heard is { } seen)
                {
                    if (worker.LastSeen is not { } stored || seen - stored >= timings.LastSeenWriteInterval)
                    {
                        health.Seen(worker.Id, seen);
                    }

                    // Polling again after being marked Unavailable (by this watch or by a health check, before or
                    // since a restart): check it once for this spell of unavailability.
                    if (worker.HealthStatus == HealthStatus.Unavailable && seen > (worker.UnavailableSince ?? DateTimeOffset.MinValue)
                        && !(_rechecked.TryGetValue(worker.Id, out var spell) && spell == worker.UnavailableSince))
                    {
                        // Remembered once queued (or not needed): a check that could not be queued is tried at the next tick.
                        if (worker.IsDisabled
                            || tasks.QueueHealthCheck(new HealthCheckRequest { WorkerIds = [worker.Id] }, Actor.System, "it is polling again").IsSuccess)
                        {
                            _rechecked[worker.Id] = worker.UnavailableSince;
                        }

                        continue;
                    }
                }

                var last = heard ?? worker.LastSeen;
                if (last is null || worker.IsDisabled || worker.HealthStatus == HealthStatus.Unavailable || !policies.TryGetValue(worker.MachinePolicyId, out var policy))
                {
                    continue;
                }

                var since = last.Value > Started ? last.Value : Started;
                if (now - since > policy.PollingRequestQueueTimeout)
                {
                    health.MarkUnavailable(worker.Id, $"No poll from the tentacle for longer than machine policy '{policy.Name}' allows ({policy.PollingRequestQueueTimeout:c}); last seen {last.Value:u}");
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The polling tentacle watch could not look at its workers; it tries again at its next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
