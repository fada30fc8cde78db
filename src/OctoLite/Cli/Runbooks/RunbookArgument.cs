using System.CommandLine;

namespace OctoLite.Cli.Runbooks;

internal static class RunbookArgument
{
    public static Argument<string> Create() => new("runbook") { Description = "The runbook's id, or its name with --project" };

    /// <summary>The API path of one runbook (or of an action on it, e.g. "/run"): a name is only unique within its project, so the project goes along.</summary>
    public static string Path(string runbook, string? project, string under = "") =>
        $"api/runbooks/{Client.OctoLiteClient.Segment(runbook)}{under}" + (project is null ? "" : $"?project={Uri.EscapeDataString(project.Trim())}");
}
