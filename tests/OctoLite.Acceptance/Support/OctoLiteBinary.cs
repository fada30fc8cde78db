namespace OctoLite.Acceptance.Support;

/// <summary>
/// Locates the published binary under test. Acceptance tests never build it themselves: they test
/// exactly the file that ships, named by <c>OCTOLITE_BINARY</c>.
/// </summary>
internal static class OctoLiteBinary
{
    public const string BinaryVariable = "OCTOLITE_BINARY";
    public const string RequireVariable = "OCTOLITE_REQUIRE_BINARY";
    public const string MissingReason = "set OCTOLITE_BINARY to the published binary; .ci/run does";

    private static readonly string? Configured = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } value
        ? System.IO.Path.GetFullPath(value)
        : null;

    /// <summary>When set, a missing binary fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The reason to skip every acceptance test, or null when they must run (and fail if they cannot).</summary>
    public static string? SkipReason => Configured is null && !Required ? MissingReason : null;

    /// <summary>The absolute path of the binary; throws (failing the test) when it is not usable.</summary>
    public static string Path
    {
        get
        {
            if (Configured is null)
                throw new InvalidOperationException($"{BinaryVariable} is not set and {RequireVariable}=1: {MissingReason}");
            if (!File.Exists(Configured))
                throw new InvalidOperationException($"{BinaryVariable}={Configured} does not exist: {MissingReason}");
            return Configured;
        }
    }
}
