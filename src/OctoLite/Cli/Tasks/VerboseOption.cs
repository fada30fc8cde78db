using System.CommandLine;

namespace OctoLite.Cli.Tasks;

/// <summary><c>--verbose</c> for verbs that print a task's log: Verbose lines (e.g. where a step runs) are left out without it.</summary>
internal static class VerboseOption
{
    public static Option<bool> Create() => new("--verbose") { Description = "Include the log's Verbose lines (left out by default, in table and JSON output alike)" };
}
