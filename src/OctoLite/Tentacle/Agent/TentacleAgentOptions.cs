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

    /// <summary>Where interpreters are looked for (colon-separated); null for this process's PATH.</summary>
    public string? SearchPath { get; init; }
}
