using OctoLite.Cli.Output;
using OctoLite.Domain;
using OctoLite.Server.Targets;

namespace OctoLite.Cli.Targets;

/// <summary>How deployment targets look in tables. Environments and pools are shown by name when known, else by id.</summary>
internal static class TargetView
{
    public static void List(TextWriter writer, IReadOnlyList<DeploymentTarget> targets, TargetNames names)
    {
        var table = new Table("ID", "NAME", "KIND", "ROLES", "ENVIRONMENTS", "HEALTH", "ENABLED");
        foreach (var target in targets)
        {
            table.Add(target.Id, target.Name, target.Kind.ToString(), Roles(target), Environments(target, names),
                target.HealthStatus.ToString(), Display.YesNo(!target.IsDisabled));
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, DeploymentTarget target, TargetNames names, TimeProvider time) => Table.WriteFields(writer,
    [
        ("Id", target.Id),
        ("Name", target.Name),
        ("Kind", target.Kind.ToString()),
        ("Roles", Roles(target)),
        ("Environments", Environments(target, names)),
        ("Worker pool", target.DefaultWorkerPoolId.Length == 0 ? "(the step's own pool)" : names.Pool(target.DefaultWorkerPoolId)),
        ("Enabled", Display.YesNo(!target.IsDisabled)),
        ("Health", target.HealthStatus.ToString()),
        ("Status", target.StatusSummary),
        ("Last checked", target.LastHealthCheck is null ? "never" : Display.Time(target.LastHealthCheck, time)),
    ]);

    public static void Health(TextWriter writer, TargetHealthCheck check, TimeProvider time)
    {
        writer.WriteLine(check.Message);
        Table.WriteFields(writer,
        [
            ("Health", check.Target.HealthStatus.ToString()),
            ("Status", check.Target.StatusSummary),
            ("Last checked", check.Target.LastHealthCheck is null ? "never" : Display.Time(check.Target.LastHealthCheck, time)),
        ]);
    }

    private static string Roles(DeploymentTarget target) => string.Join(", ", target.Roles);

    private static string Environments(DeploymentTarget target, TargetNames names) => string.Join(", ", target.EnvironmentIds.Select(names.Environment));
}
