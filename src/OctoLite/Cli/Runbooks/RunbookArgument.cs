using System.CommandLine;

namespace OctoLite.Cli.Runbooks;

internal static class RunbookArgument
{
    public static Argument<string> Create() => new("runbook") { Description = "The runbook's id, or its name with --project" };

    /// <summary>The API path of one runbook: a name is only unique within its project, so the project goes along.</summary>
    public static string Path(string runbook, string? project) =>
        $"api/runbooks/{Client.OctoLiteClient.Segment(runbook)}" + (project is null ? "" : $"?project={Uri.EscapeDataString(project.Trim())}");
}
