namespace OctoLite.Benchmarks;

/// <summary>
/// The harness's exit codes. A missed goal is a result, not a failure: it still exits 0.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A measurement could not be taken: binary missing, a command failed, the server never became ready.</summary>
    public const int MeasurementFailed = 1;

    /// <summary>Bad command line; nothing was measured.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by SIGINT or SIGTERM.</summary>
    public const int Cancelled = 130;
}
