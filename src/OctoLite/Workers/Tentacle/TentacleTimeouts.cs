namespace OctoLite.Workers.Tentacle;

/// <summary>
/// Every time limit of the server's side of the tentacle protocol, in one place. Defaults follow Halibut's where it
/// has one. The server holds one instance; tests shorten it (set the properties before a step runs).
/// </summary>
internal sealed class TentacleTimeouts
{
    /// <summary>How long one TCP connect plus TLS handshake to a tentacle may take. Default 10 seconds.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one request (other than a file download) may wait for its whole answer. Default 60 seconds.</summary>
    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one file download may take. Default 10 minutes.</summary>
    public TimeSpan FileTransfer { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the tentacle may hold a status request while there is nothing new (<c>wait=</c>): the answer comes
    /// the moment lines are durable or the script ends, so a short script's end is seen at once and a quiet one
    /// costs one request per this long. Default 10 seconds.
    /// </summary>
    public TimeSpan StatusWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For a tentacle that answers a status request at once even when there is nothing new: the first pause before
    /// asking again; it doubles while answers bring nothing, up to <see cref="StatusPollInterval"/>. Default 10 ms.
    /// </summary>
    public TimeSpan StatusPollFirst { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest pause between status requests to such a tentacle while a script runs quietly. Default 150 ms.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The first wait before retrying after a transient failure; it doubles per failure up to <see cref="RetryBackoffLimit"/>. Default 250 ms.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between retries. Default 5 seconds.</summary>
    public TimeSpan RetryBackoffLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a step keeps trying to start its script on a tentacle that cannot be reached before it fails with
    /// "worker unavailable". The worker's machine policy (ConnectionConnectTimeout) sets it per worker; this is used
    /// when the policy is gone. Default one minute (Octopus's default policy).
    /// </summary>
    public TimeSpan StartRetryLimit { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a running script may be out of contact (the script keeps running on the tentacle) before the step
    /// fails with "worker unavailable". Default 5 minutes (Halibut's ConnectionErrorRetryTimeout).
    /// </summary>
    public TimeSpan LostContactLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After a cancel is sent, how long to keep reading the script's log while it stops. Default 60 seconds (the tentacle's TERM-to-KILL grace is 10).</summary>
    public TimeSpan CancelDrain { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a polling tentacle has to answer a call it collected (besides how long the call asked it to hold),
    /// for every call but downloads: past it the call counts as lost on the way and is asked again. Default 15 seconds.
    /// </summary>
    public TimeSpan PollingAnswer { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the polling endpoint holds a poll open when nothing is queued (the tentacle polls again at once). Default 30 seconds.</summary>
    public TimeSpan PollHold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before retry <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan BackoffFor(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 16));
        var wait = TimeSpan.FromTicks((long)Math.Min(RetryBackoff.Ticks * factor, RetryBackoffLimit.Ticks));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
