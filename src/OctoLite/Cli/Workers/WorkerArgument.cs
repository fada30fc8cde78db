using System.CommandLine;

namespace OctoLite.Cli.Workers;

internal static class WorkerArgument
{
    public static Argument<string> Create() => new("worker") { Description = "The worker's name or id" };
}
