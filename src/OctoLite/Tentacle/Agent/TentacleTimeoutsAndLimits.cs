using OctoLite.Scripting.Processes;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Every timeout and limit of the agent in one place, with why it is what it is (docs/tentacle-protocol.md repeats
/// them for the server's side).
/// </summary>
internal static class TentacleTimeoutsAndLimits
{
    /// <summary>
    /// How long journal entries may wait in the write buffer before they are fsync'd. Status answers only ever hold
    /// fsync'd entries, so this is also the longest a line waits before the server can read it; 100 ms keeps the
    /// disk writes of a chatty script batched without a visible delay.
    /// </summary>
    public static readonly TimeSpan JournalFlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Buffered journal bytes that force an fsync at once, so a burst of output is not held in memory.</summary>
    public const int JournalFlushBytes = 1 << 20;

    /// <summary>The most journal entries one status answer holds; the caller asks again from <c>NextSequence</c>.</summary>
    public const int MaxEventsPerStatus = 1000;

    /// <summary>The longest a status request may ask to wait for news (<c>wait=</c>); longer asks are shortened to it.</summary>
    public static readonly TimeSpan MaxStatusWait = TimeSpan.FromSeconds(30);

    /// <summary>The largest JSON request body (a start-script command with its variables) the agent reads.</summary>
    public const long MaxJsonBodyBytes = 64L << 20;

    /// <summary>The longest ticket accepted: it names a folder.</summary>
    public const int MaxTicketLength = 200;

    /// <summary>How often orphaned workspaces are looked for, after the sweep at start.</summary>
    public static readonly TimeSpan WorkspaceCleanupInterval = TimeSpan.FromHours(1);

    /// <summary>Time between SIGTERM and SIGKILL when a script is canceled: the runner's default.</summary>
    public static readonly TimeSpan TerminationGrace = ScriptProcess.DefaultTerminationGrace;

    /// <summary>
    /// How long stopping the agent waits for canceled scripts to end: the termination grace plus time for the
    /// runner to collect the exit status and flush the journal.
    /// </summary>
    public static readonly TimeSpan ShutdownWait = TerminationGrace + TimeSpan.FromSeconds(10);

    /// <summary>How long a TLS handshake may take (Kestrel's default); a peer that stalls in it is dropped.</summary>
    public static readonly TimeSpan TlsHandshakeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Kestrel's limit for reading request headers; a peer that stalls sending them is dropped after it.</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Symbolic links followed while resolving one workspace path before it is refused (as the kernel's ELOOP).</summary>
    public const int MaxSymbolicLinks = 40;
}
