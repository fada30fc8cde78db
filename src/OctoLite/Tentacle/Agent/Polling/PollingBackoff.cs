namespace OctoLite.Tentacle.Agent.Polling;

/// <summary>
/// How long a polling tentacle waits before trying the server again after <c>failures</c> failures in a row: the
/// first few quickly (a dropped connection, a server restarting), then a random wait between
/// <see cref="TentacleAgentOptions.PollingBackoffMin"/> and a limit doubling per failure up to
/// <see cref="TentacleAgentOptions.PollingBackoffMax"/>, so a thousand tentacles spread their return to a restarted server.
/// </summary>
internal static class PollingBackoff
{
    /// <summary>Failures in a row retried after <see cref="TentacleAgentOptions.PollingQuickRetry"/>.</summary>
    public const int QuickRetries = 3;

    public static TimeSpan Wait(int failures, TentacleAgentOptions options, Random random)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        if (failures <= QuickRetries)
        {
            return options.PollingQuickRetry;
        }

        var min = options.PollingBackoffMin.Ticks;
        var max = options.PollingBackoffMax.Ticks;
        var limit = Math.Min(max, min * (long)Math.Pow(2, Math.Min(failures - QuickRetries - 1, 20)));
        return TimeSpan.FromTicks(limit <= min ? min : min + random.NextInt64(limit - min + 1));
    }
}
