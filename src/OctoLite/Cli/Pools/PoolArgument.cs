using System.CommandLine;

namespace OctoLite.Cli.Pools;

internal static class PoolArgument
{
    public static Argument<string> Create() => new("pool") { Description = "The worker pool's name or id" };
}
