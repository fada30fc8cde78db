using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Pools;

/// <summary>How worker pools look in tables.</summary>
internal static class PoolView
{
    public static void List(TextWriter writer, IReadOnlyList<WorkerPool> pools)
    {
        var table = new Table("ORDER", "ID", "NAME", "DEFAULT", "TYPE", "DESCRIPTION");
        foreach (var pool in pools)
        {
            table.Add(pool.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), pool.Id, pool.Name, Display.Mark(pool.IsDefault), Short(pool.WorkerPoolType), pool.Description);
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, WorkerPool pool)
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
        if (pool.MaxConcurrentLeases is { } cap)
        {
            fields.Add(("Max concurrent leases", Display.Number(cap)));
        }

        Table.WriteFields(writer, fields);
    }

    private static string Short(WorkerPoolType type) => type == WorkerPoolType.StaticWorkerPool ? "Static" : "Dynamic";
}
