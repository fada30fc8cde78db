namespace OctoLite.Benchmarks;

/// <summary>Every wait the harness makes is bounded by one of these.</summary>
internal static class Timeouts
{
    /// <summary>Longest any short command (<c>--version</c>, <c>server info</c>, <c>nproc</c>) may take.</summary>
    public static readonly TimeSpan Command = TimeSpan.FromSeconds(30);

    /// <summary>Longest the server may take from spawn until <c>server info</c> exits 0.</summary>
    public static readonly TimeSpan Ready = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two <c>server info</c> polls; bounds the start-to-ready resolution.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the ready server sits idle before its memory is read.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(3);

    /// <summary>Longest the server may take to exit after SIGTERM.</summary>
    public static readonly TimeSpan Shutdown = TimeSpan.FromSeconds(15);

    /// <summary>Longest a benchmark task may take from queued to finished (the 100 MB ingest is the longest by far).</summary>
    public static readonly TimeSpan Task = TimeSpan.FromMinutes(5);

    /// <summary>Longest to wait for a killed process to be reaped.</summary>
    public static readonly TimeSpan Reap = TimeSpan.FromSeconds(5);
}
