using OctoLite.Workers.Tentacle.Errors;

namespace OctoLite.Workers.Tentacle.Polling;

/// <summary>
/// The polling transport under a <see cref="TentacleClient"/>: instead of opening a connection, a call is queued
/// for the tentacle's next poll, and its answer comes back when the tentacle posts it. A call no poll takes within
/// <see cref="PickupTimeout"/> fails "worker unavailable", naming the timeout; one taken but never answered ends
/// with the caller's own time limit.
/// </summary>
internal sealed class PollingHandler(PollingQueue queue, Uri endpoint, TimeProvider time) : HttpMessageHandler
{
    private long _pickupTicks = TimeSpan.FromMinutes(2).Ticks;

    /// <summary>
    /// Set on a call whose answer is small and quick (all but downloads): how long the tentacle has to answer once
    /// it collected the call. Past it the call fails "worker unavailable" (a poll or an answer was lost on the way)
    /// and the caller asks again, instead of waiting for its whole request time.
    /// </summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AnswerWithin = new("OctoLite.Polling.AnswerWithin");

    /// <summary>How long a queued call waits for a poll (the machine policy's PollingRequestQueueTimeout). Default 2 minutes.</summary>
    public TimeSpan PickupTimeout
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _pickupTicks));
        set => Interlocked.Exchange(ref _pickupTicks, value.Ticks);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = new PendingCall(Guid.NewGuid().ToString("N"), request);
        queue.Enqueue(call);
        try
        {
            var pickup = PickupTimeout;
            try
            {
                await call.PickedUpTask.WaitAsync(pickup, time, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                if (call.TryAbandon())
                {
                    if (e is OperationCanceledException)
                    {
                        throw;
                    }

                    var seen = queue.LastSeen is { } last ? $"last heard from {(time.GetUtcNow() - last).TotalSeconds:0} s ago" : "not heard from since the server started";
                    throw new TentacleUnavailableException(endpoint, $"did not collect the request within {pickup.TotalSeconds:0.#} s (the machine policy's polling request queue timeout); the polling tentacle is {seen}. Is it running and connected to this server's polling port?");
                }

                // A poll took it at that very moment: wait for the answer, unless the caller is gone.
            }

            try
            {
                if (request.Options.TryGetValue(AnswerWithin, out var within))
                {
                    try
                    {
                        return await call.Answer.WaitAsync(within, time, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        call.GiveUp();
                        throw new TentacleUnavailableException(endpoint, $"collected the request but sent no answer within {within.TotalSeconds:0.#} s; the connection may have dropped on the way");
                    }
                }

                return await call.Answer.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                call.GiveUp();
                throw;
            }
        }
        finally
        {
            queue.Forget(call);
        }
    }
}
