using System.CommandLine;

namespace OctoLite.Cli.Targets;

internal static class TargetArgument
{
    public static Argument<string> Create() => new("target") { Description = "The deployment target's name or id" };
}
