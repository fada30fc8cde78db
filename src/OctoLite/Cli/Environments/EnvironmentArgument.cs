using System.CommandLine;

namespace OctoLite.Cli.Environments;

internal static class EnvironmentArgument
{
    public static Argument<string> Create() => new("environment") { Description = "The environment's name or id" };
}
