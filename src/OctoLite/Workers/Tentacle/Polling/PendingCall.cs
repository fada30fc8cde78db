namespace OctoLite.Workers.Tentacle.Polling;

/// <summary>
/// One call to a polling tentacle, from queued to answered. Exactly one of pickup, abandonment and expiry wins
/// (compare-and-swap on the state), so a call is never both delivered and failed as uncollected.
/// </summary>
internal sealed class PendingCall(string id, HttpRequestMessage request)
{
    private const int Queued = 0, PickedUp = 1, Abandoned = 2;
    private int _state;

    private readonly TaskCompletionSource _pickedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<HttpResponseMessage> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public HttpRequestMessage Request { get; } = request;

    /// <summary>Completes when a poll has taken the call.</summary>
    public Task PickedUpTask => _pickedUp.Task;

    /// <summary>The answer, or the reason there will be none.</summary>
    public Task<HttpResponseMessage> Answer => _answered.Task;

    /// <summary>True when the caller still waits for this call (not abandoned, not answered).</summary>
    public bool IsWaiting => Volatile.Read(ref _state) != Abandoned && !_answered.Task.IsCompleted;

    /// <summary>Claims the call for a poll; false when the caller has given up on it.</summary>
    public bool TryPickUp()
    {
        if (Interlocked.CompareExchange(ref _state, PickedUp, Queued) != Queued)
        {
            return false;
        }

        _pickedUp.TrySetResult();
        return true;
    }

    /// <summary>Withdraws a call no poll has taken; false when one already has.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

    /// <summary>
    /// The caller stopped waiting after pickup: a later answer is refused, and one that arrived at that very moment
    /// is let go, so the tentacle's post of it ends at once.
    /// </summary>
    public void GiveUp()
    {
        Volatile.Write(ref _state, Abandoned);
        if (!_answered.TrySetCanceled() && _answered.Task.IsCompletedSuccessfully)
        {
            _answered.Task.Result.Dispose();
        }
    }

    public bool TryAnswer(HttpResponseMessage response) => Volatile.Read(ref _state) == PickedUp && _answered.TrySetResult(response);

    public void Fail(Exception reason) => _answered.TrySetException(reason);
}
