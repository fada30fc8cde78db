using System.Collections.Concurrent;

namespace OctoLite.Workers.Tentacle.Polling;

/// <summary>One <see cref="PollingQueue"/> per subscription id, made on first use by either side.</summary>
internal sealed class PollingQueues(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PollingQueue> _queues = new(StringComparer.Ordinal);

    public PollingQueue For(string subscriptionId) => _queues.GetOrAdd(subscriptionId, id => new PollingQueue(id, time));

    /// <summary>The queue of <paramref name="subscriptionId"/> when either side has used it since the server started.</summary>
    public PollingQueue? Find(string subscriptionId) => _queues.GetValueOrDefault(subscriptionId);
}
