namespace OctoLite.Benchmarks;

/// <summary>Medians of the start-up measures: size, cold start, server start to ready, idle memory.</summary>
/// <param name="Runs">Measured runs of each measure; the figures are their medians.</param>
/// <param name="WarmUps">Unmeasured runs of each command before the measured ones.</param>
/// <param name="BaselineWallMs">Wall time of <c>bash -c true</c>, timed by the harness (<see cref="WallClock"/>).</param>
/// <param name="BaselineRssKb">Peak RSS of <c>bash -c true</c>, from GNU time.</param>
/// <param name="VersionWallMs">Wall time of <c>octolite --version</c>, timed by the harness (<see cref="WallClock"/>).</param>
/// <param name="VersionRssKb">Peak RSS of <c>octolite --version</c>, from GNU time.</param>
/// <param name="ServerReadyMs">Just before the spawn of <c>server run</c> to the first successful <c>server info</c>.</param>
/// <param name="ServerSteadyRssKb">VmRSS of the idle server just before SIGTERM.</param>
/// <param name="ServerMaxRssKb">Peak RSS of the server over its life.</param>
internal sealed record StartupResults(
    int Runs,
    int WarmUps,
    long BinaryBytes,
    double BaselineWallMs,
    double BaselineRssKb,
    double VersionWallMs,
    double VersionRssKb,
    double ServerReadyMs,
    double ServerSteadyRssKb,
    double ServerMaxRssKb);
