namespace OctoLite.Cli;

/// <summary>The CLI's documented exit codes; scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for verbs that wait for a task, the task succeeded.</summary>
    public const int Ok = 0;
    /// <summary>Something failed; for verbs that wait for a task, the task ended Failed.</summary>
    public const int Failed = 1;
    /// <summary>Bad usage or input that failed validation (including an unknown id or name); nothing changed.</summary>
    public const int Usage = 2;
    /// <summary>The task (or the CLI's own request) was cancelled or timed out.</summary>
    public const int CancelledOrTimedOut = 3;
    /// <summary>Missing, wrong or revoked API key, or not permitted.</summary>
    public const int Auth = 4;
    /// <summary>No server answered at the address used.</summary>
    public const int Unreachable = 5;
    /// <summary><c>task wait --timeout</c> ran out before the task ended; the task goes on.</summary>
    public const int StillRunning = 6;
    /// <summary>Ctrl+C stopped the CLI waiting for or following a task; the task itself goes on (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
