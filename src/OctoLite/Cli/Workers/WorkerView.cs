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

    public static void One(TextWriter writer, Worker worker, IReadOnlyDictionary<string, string> poolNames)
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

        Table.WriteFields(writer, fields);
    }

    public static string Address(WorkerEndpoint endpoint) => endpoint.CommunicationStyle == CommunicationStyle.Ssh
        ? $"{endpoint.Username}@{endpoint.Host}:{endpoint.Port}"
        : endpoint.Uri ?? "";

    private static string Pools(Worker worker, IReadOnlyDictionary<string, string> poolNames) =>
        string.Join(", ", worker.WorkerPoolIds.Select(id => poolNames.TryGetValue(id, out var name) ? name : id));
}
