using System.Globalization;
using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tui.Screens;

/// <summary>The lines of the workers screen's details pane for one worker.</summary>
internal static class WorkerDetails
{
    private const int LabelWidth = 12;

    /// <param name="history">Its health history, newest first; null while it is being read.</param>
    public static IReadOnlyList<(string Text, Tone Tone)> Lines(WorkerRow row, IReadOnlyList<WorkerHealthRecord>? history, Symbols symbols, TimeProvider clock)
    {
        var worker = row.Worker;
        var endpoint = worker.Endpoint;
        var lines = new List<(string, Tone)>
        {
            Field("Worker", $"{worker.Name} ({worker.Id}), {WorkerText.Kind(endpoint.CommunicationStyle).ToLowerInvariant()}"),
            Field(endpoint.CommunicationStyle == CommunicationStyle.TentacleActive ? "Subscription" : "Endpoint", WorkerText.Endpoint(endpoint)),
        };
        if (endpoint.Thumbprint is { Length: > 0 } thumbprint)
            lines.Add(Field("Thumbprint", thumbprint));
        if (endpoint.Fingerprint is { Length: > 0 } fingerprint)
            lines.Add(Field("Host key", fingerprint));
        lines.Add(Field("Policy", row.PolicyName));
        lines.Add(worker.IsDisabled ? Field("Disabled", "yes: no work is given to it", Tone.Warning) : Field("Disabled", "no"));
        lines.Add(Field("Max leases", worker.MaxConcurrentLeases?.ToString(CultureInfo.InvariantCulture) ?? "no cap"));
        lines.Add(Field("Health", symbols.Health(worker.HealthStatus) + (worker.StatusSummary.Length > 0 ? ": " + worker.StatusSummary : ""), WorkerText.HealthTone(worker with { IsDisabled = false })));
        lines.Add(Field("Checked", worker.LastHealthCheck is { } checkedAt ? WorkerText.Time(checkedAt, clock) : "never"));
        if (worker.UnavailableSince is { } since)
            lines.Add(Field("Unavailable", "since " + WorkerText.Time(since, clock), Tone.Bad));
        if (worker.Capabilities is { } capabilities)
        {
            lines.Add(Field("Machine", $"{capabilities.MachineName} ({capabilities.OperatingSystem})"));
            lines.Add(Field("Agent", capabilities.AgentVersion));
            lines.Add(Field("Shells", string.Join(", ", capabilities.Shells)));
            lines.Add(Field("Free disk", WorkerText.Bytes(capabilities.FreeDiskBytes)));
        }
        else
        {
            lines.Add(Field("Agent", "not known until a health check reaches it", Tone.Dim));
        }

        lines.Add(("Health history (newest first):", Tone.Normal));
        if (history is null)
        {
            lines.Add(("  reading...", Tone.Dim));
        }
        else if (history.Count == 0)
        {
            lines.Add(("  none yet (h checks it now)", Tone.Dim));
        }
        else
        {
            foreach (var entry in history)
            {
                var task = entry.TaskId.Length > 0 ? entry.TaskId : "(server)";
                lines.Add(($"  {WorkerText.Time(entry.Time, clock)}  {symbols.Health(entry.HealthStatus)}  {task}  {entry.Summary}", WorkerText.HealthTone(new Worker { HealthStatus = entry.HealthStatus })));
            }
        }

        return lines;
    }

    private static (string, Tone) Field(string label, string value, Tone tone = Tone.Normal) => (label.PadRight(LabelWidth) + value, tone);
}
