namespace OctoLite.Benchmarks;

/// <summary>The groups of measures one harness run can take (<c>--scenarios</c>); all by default.</summary>
[Flags]
internal enum Scenarios
{
    None = 0,

    /// <summary>Binary size, <c>--version</c> cold start, server start to ready, idle server memory.</summary>
    Startup = 1,

    /// <summary>One-line bash step, queue to Success, sequentially.</summary>
    Latency = 2,

    /// <summary>100 MB of step output into the task log, checked line by line.</summary>
    Ingest = 4,

    /// <summary>Trivial tasks per second at task cap 10.</summary>
    Throughput = 8,

    /// <summary>One-line bash step via a listening and a polling tentacle on loopback, beside the built-in worker.</summary>
    Dispatch = 16,

    Tasks = Latency | Ingest | Throughput | Dispatch,
    All = Startup | Tasks,
}
