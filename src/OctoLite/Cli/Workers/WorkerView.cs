using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Workers;

/// <summary>How workers look in tables. Pool ids are shown as names when the pools are known.</summary>
internal static class WorkerView
{
    public static void List(TextWriter writer, IReadOnlyList<Worker> workers, IReadOnlyDictionary<string, string> poolNames)
    {
        var table = new Table("ID", "NAME", "KIND", "POOLS", "HEALTH", "ENABLED", "ADDRESS");
        foreach (var worker in workers)
        {
            table.Add(worker.Id, worker.Name, worker.Endpoint.CommunicationStyle.ToString(), Pools(worker, poolNames),
                worker.HealthStatus.ToString(), Display.YesNo(!worker.IsDisabled), Address(worker.Endpoint));
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, Worker worker, IReadOnlyDictionary<string, string> poolNames) => One(writer, worker, poolNames, TimeProvider.System);

    /// <param name="time">Whose zone times are shown in (tests pin it).</param>
    public static void One(TextWriter writer, Worker worker, IReadOnlyDictionary<string, string> poolNames, TimeProvider time)
    {
        var endpoint = worker.Endpoint;
        var fields = new List<(string, string?)>
        {
            ("Id", worker.Id),
            ("Name", worker.Name),
            ("Kind", endpoint.CommunicationStyle.ToString()),
            ("Address", Address(endpoint)),
            ("Pools", Pools(worker, poolNames)),
            ("Enabled", Display.YesNo(!worker.IsDisabled)),
            ("Health", worker.HealthStatus.ToString()),
            ("Status", worker.StatusSummary),
            ("Machine policy", worker.MachinePolicyId),
        };
        if (endpoint.Thumbprint is not null)
        {
            fields.Add(("Thumbprint", endpoint.Thumbprint));
        }

        if (endpoint.Fingerprint is not null)
        {
            fields.Add(("Fingerprint", endpoint.Fingerprint));
        }

        if (worker.MaxConcurrentLeases is { } cap)
        {
            fields.Add(("Max concurrent leases", Display.Number(cap)));
        }

        if (worker.LastHealthCheck is { } checkedAt)
        {
            fields.Add(("Last health check", Display.Time(checkedAt, time)));
        }

        if (worker.LastSeen is { } seen)
        {
            fields.Add(("Last seen", Display.Time(seen, time)));
        }

        if (worker.UnavailableSince is { } since)
        {
            fields.Add(("Unavailable since", Display.Time(since, time)));
        }

        if (worker.Capabilities is { } capabilities)
        {
            fields.Add(("Machine", $"{capabilities.MachineName} ({capabilities.OperatingSystem})"));
            fields.Add(("Agent", capabilities.AgentVersion));
            fields.Add(("Shells", string.Join(", ", capabilities.Shells)));
            fields.Add(("Free disk", capabilities.FreeDiskBytes < 0 ? "unknown" : Display.Bytes(capabilities.FreeDiskBytes)));
        }

        Table.WriteFields(writer, fields);
    }

    /// <summary>A worker's health history, newest first.</summary>
    public static void History(TextWriter writer, IReadOnlyList<WorkerHealthRecord> entries, TimeProvider time)
    {
        var table = new Table("TIME", "HEALTH", "TASK", "SUMMARY");
        foreach (var entry in entries)
        {
            table.Add(Display.Time(entry.Time, time), entry.HealthStatus.ToString(), entry.TaskId, entry.Summary);
        }

        table.WriteTo(writer);
    }

    public static string Address(WorkerEndpoint endpoint) => endpoint.CommunicationStyle == CommunicationStyle.Ssh
        ? $"{endpoint.Username}@{endpoint.Host}:{endpoint.Port}"
        : endpoint.Uri ?? "";

    private static string Pools(Worker worker, IReadOnlyDictionary<string, string> poolNames) =>
        string.Join(", ", worker.WorkerPoolIds.Select(id => poolNames.TryGetValue(id, out var name) ? name : id));
}
