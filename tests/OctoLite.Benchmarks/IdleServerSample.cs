namespace OctoLite.Benchmarks;

/// <summary>The memory of one idle-server run.</summary>
/// <param name="SteadyRssKb">VmRSS just before SIGTERM, after idling.</param>
/// <param name="MaxRssKb">Peak RSS over the server's whole life, from GNU time.</param>
internal sealed record IdleServerSample(long SteadyRssKb, long MaxRssKb);
