using System.CommandLine;

namespace OctoLite.Cli.Policies;

internal static class PolicyArgument
{
    public static Argument<string> Create() => new("policy") { Description = "The machine policy's name or id" };
}
