using System.Collections.Concurrent;
using System.Threading.Channels;

namespace OctoLite.Workers.Tentacle.Polling;

/// <summary>
/// The calls waiting for one polling tentacle (one subscription id), and what the server knows of its polls. A
/// call queued while a poll waits is handed to it at once; otherwise the next poll takes it. Thread-safe.
/// </summary>
internal sealed class PollingQueue(string subscriptionId, TimeProvider time)
{
    private readonly Channel<PendingCall> _calls = Channel.CreateUnbounded<PendingCall>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly ConcurrentDictionary<string, PendingCall> _inFlight = new(StringComparer.Ordinal);
    private long _lastSeenTicks;
    private int _waitingPolls;

    public string SubscriptionId { get; } = subscriptionId;

    /// <summary>When the tentacle last polled or answered; null when it has not since the server started.</summary>
    public DateTimeOffset? LastSeen => Interlocked.Read(ref _lastSeenTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Polls held open now: the tentacle's idle connections.</summary>
    public int WaitingPolls => Volatile.Read(ref _waitingPolls);

    public void Enqueue(PendingCall call)
    {
        _inFlight[call.Id] = call;
        _calls.Writer.TryWrite(call);
    }

    /// <summary>Removes a call from the in-flight set (answered, abandoned or failed).</summary>
    public void Forget(PendingCall call) => _inFlight.TryRemove(new KeyValuePair<string, PendingCall>(call.Id, call));

    /// <summary>The next call the caller still waits for, or null when none came within <paramref name="hold"/>.</summary>
    public async Task<PendingCall?> TakeAsync(TimeSpan hold, CancellationToken cancellationToken)
    {
        MarkSeen();
        Interlocked.Increment(ref _waitingPolls);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(hold);
        try
        {
            while (true)
            {
                var call = await _calls.Reader.ReadAsync(limit.Token);
                if (call.TryPickUp())
                {
                    return call;
                }

                Forget(call); // abandoned before any poll took it
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _waitingPolls);
            MarkSeen();
        }
    }

    /// <summary>The picked-up call <paramref name="callId"/> whose caller still waits, or null.</summary>
    public PendingCall? InFlight(string callId) =>
        _inFlight.TryGetValue(callId, out var call) && call.IsWaiting ? call : null;

    public void MarkSeen() => Interlocked.Exchange(ref _lastSeenTicks, time.GetUtcNow().UtcTicks);
}
