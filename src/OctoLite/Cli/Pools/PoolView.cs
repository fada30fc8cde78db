using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Pools;

/// <summary>How worker pools look in tables.</summary>
internal static class PoolView
{
    public static void List(TextWriter writer, IReadOnlyList<WorkerPool> pools) => List(writer, pools, null);

    /// <param name="summaries">The pools' workers by health and kind: adds WORKERS and HEALTH columns when given.</param>
    public static void List(TextWriter writer, IReadOnlyList<WorkerPool> pools, IReadOnlyList<WorkerPoolSummary>? summaries)
    {
        var table = summaries is null
            ? new Table("ORDER", "ID", "NAME", "DEFAULT", "TYPE", "DESCRIPTION")
            : new Table("ORDER", "ID", "NAME", "DEFAULT", "TYPE", "WORKERS", "HEALTH", "DESCRIPTION");
        foreach (var pool in pools)
        {
            var order = pool.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (summaries?.FirstOrDefault(s => s.WorkerPoolId == pool.Id) is { } summary)
            {
                table.Add(order, pool.Id, pool.Name, Display.Mark(pool.IsDefault), Short(pool.WorkerPoolType), Workers(summary), Health(summary), pool.Description);
            }
            else if (summaries is not null)
            {
                table.Add(order, pool.Id, pool.Name, Display.Mark(pool.IsDefault), Short(pool.WorkerPoolType), "", "", pool.Description);
            }
            else
            {
                table.Add(order, pool.Id, pool.Name, Display.Mark(pool.IsDefault), Short(pool.WorkerPoolType), pool.Description);
            }
        }

        table.WriteTo(writer);
    }

    /// <summary>"2 (1 listening, 1 polling)", or "built-in worker" for the default pool while it has none.</summary>
    public static string Workers(WorkerPoolSummary summary)
    {
        if (summary.UsesBuiltInWorker)
        {
            return "0 (built-in worker)";
        }

        var kinds = new[] { (summary.Listening, "listening"), (summary.Polling, "polling"), (summary.Ssh, "ssh") }
            .Where(k => k.Item1 > 0).Select(k => $"{k.Item1} {k.Item2}");
        var disabled = summary.Disabled > 0 ? $", {summary.Disabled} disabled" : "";
        return summary.TotalWorkers == 0 ? "0" : $"{summary.TotalWorkers} ({string.Join(", ", kinds)}{disabled})";
    }

    /// <summary>"1 healthy, 1 unavailable": every status with a count, in order of concern last; "—" for none.</summary>
    public static string Health(WorkerPoolSummary summary)
    {
        var parts = new[]
        {
            (summary.Healthy, "healthy"), (summary.HasWarnings, "with warnings"), (summary.Unknown, "unknown"),
            (summary.Unhealthy, "unhealthy"), (summary.Unavailable, "unavailable"),
        }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}").ToList();
        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }

    public static void One(TextWriter writer, WorkerPool pool) => One(writer, pool, null);

    public static void One(TextWriter writer, WorkerPool pool, WorkerPoolSummary? summary)
    {
        var fields = new List<(string, string?)>
        {
            ("Id", pool.Id),
            ("Name", pool.Name),
            ("Default", Display.YesNo(pool.IsDefault)),
            ("Type", Short(pool.WorkerPoolType)),
            ("Sort order", pool.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Description", pool.Description),
        };
        if (summary is not null)
        {
            fields.Add(("Workers", Workers(summary)));
            fields.Add(("Health", Health(summary)));
        }

        if (pool.MaxConcurrentLeases is { } cap)
        {
            fields.Add(("Max concurrent leases", Display.Number(cap)));
        }

        Table.WriteFields(writer, fields);
    }

    private static string Short(WorkerPoolType type) => type == WorkerPoolType.StaticWorkerPool ? "Static" : "Dynamic";
}
