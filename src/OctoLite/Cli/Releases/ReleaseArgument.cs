using System.CommandLine;

namespace OctoLite.Cli.Releases;

internal static class ReleaseArgument
{
    public static Argument<string> Create() => new("release") { Description = "The release's id, or its version with --project" };
}
