using OctoLite.Hosting;

namespace OctoLite.Tentacle.Agent;

/// <summary>How an agent runs, beyond its instance's settings. Every property has a documented default.</summary>
internal sealed record TentacleAgentOptions
{
    /// <summary>How the agent logs to stderr (default text; <see cref="LogFormat.None"/> for none).</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>A further log sink, e.g. one a test reads; null for none.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>The clock journal entries are stamped with and workspace ages are measured by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often orphaned workspaces are looked for after the sweep at start (default hourly).</summary>
    public TimeSpan CleanupInterval { get; init; } = TentacleTimeoutsAndLimits.WorkspaceCleanupInterval;

    /// <summary>Time between SIGTERM and SIGKILL when a script is canceled (default 10 seconds).</summary>
    public TimeSpan TerminationGrace { get; init; } = TentacleTimeoutsAndLimits.TerminationGrace;

    /// <summary>How many polls a polling tentacle keeps open at once, so one slow call (a large download) does not hold up the others. Default 3.</summary>
    public int PollingConnections { get; init; } = 3;

    /// <summary>A polling tentacle's wait after its first few failures in a row to reach the server (quick, for a blip). Default 1 second.</summary>
    public TimeSpan PollingQuickRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After repeated failures, a polling tentacle waits a random time between this and a limit that doubles per
    /// failure up to <see cref="PollingBackoffMax"/>, so many tentacles do not all return at once to a restarted
    /// server. Default 5 seconds.
    /// </summary>
    public TimeSpan PollingBackoffMin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between a polling tentacle's attempts. Default 2 minutes.</summary>
    public TimeSpan PollingBackoffMax { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where interpreters are looked for (colon-separated); null for this process's PATH.</summary>
    public string? SearchPath { get; init; }
}
