using System.CommandLine;

namespace OctoLite.Cli.Projects;

internal static class ProjectArgument
{
    public static Argument<string> Create() => new("project") { Description = "The project's name or id" };
}
