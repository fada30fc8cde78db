namespace OctoLite.Benchmarks;

/// <summary>What OctoLite aims for; a miss is reported, not failed.</summary>
internal static class Goals
{
    /// <summary>The published single binary: at most 30 MB.</summary>
    public const long BinaryBytes = 30L * 1024 * 1024;

    /// <summary><c>octolite --version</c> from a cold process: at most 30 ms wall time.</summary>
    public const double ColdStartMs = 30;

    /// <summary>An idle server with an empty data dir: at most 60 MB resident.</summary>
    public const double IdleServerRssKb = 60 * 1024;

    public static string Verdict(bool met) => met ? "PASS" : "MISS";
}
