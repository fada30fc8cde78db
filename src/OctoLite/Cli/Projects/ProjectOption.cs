using System.CommandLine;

namespace OctoLite.Cli.Projects;

/// <summary><c>--project P</c> for verbs on things that live in a project (variables, runbooks).</summary>
internal static class ProjectOption
{
    public static Option<string> Required() => new("--project") { Description = "The project's name or id", HelpName = "project", Required = true };

    public static Option<string?> Optional(string description) => new("--project") { Description = description, HelpName = "project" };
}
