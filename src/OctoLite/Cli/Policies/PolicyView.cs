using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Policies;

internal static class PolicyView
{
    public static void List(TextWriter writer, IReadOnlyList<MachinePolicy> policies)
    {
        var table = new Table("ID", "NAME", "DEFAULT", "HEALTH CHECK", "EVERY", "CLEANUP");
        foreach (var policy in policies)
        {
            table.Add(policy.Id, policy.Name, Display.Mark(policy.IsDefault), policy.HealthCheckType.ToString(),
                Display.Duration(policy.HealthCheckInterval), Cleanup(policy));
        }

        table.WriteTo(writer);
    }

    public static void One(TextWriter writer, MachinePolicy policy) => Table.WriteFields(writer,
    [
        ("Id", policy.Id),
        ("Name", policy.Name),
        ("Default", Display.YesNo(policy.IsDefault)),
        ("Description", policy.Description),
        ("Health check", policy.HealthCheckType.ToString()),
        ("Health check interval", Display.Duration(policy.HealthCheckInterval)),
        ("Health check script", policy.HealthCheckScript.Length == 0 ? "(built-in checks only)" : $"{policy.HealthCheckScriptSyntax}: {policy.HealthCheckScript}"),
        ("Disk space warning", policy.DiskSpaceWarningThresholdMb == 0 ? "off" : $"under {policy.DiskSpaceWarningThresholdMb.ToString(System.Globalization.CultureInfo.InvariantCulture)} MB free"),
        ("Connectivity", policy.ConnectivityBehavior.ToString()),
        ("Connect timeout", Display.Duration(policy.ConnectionConnectTimeout)),
        ("Polling queue timeout", Display.Duration(policy.PollingRequestQueueTimeout)),
        ("Connection retries", policy.ConnectionRetryCountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Cleanup", Cleanup(policy)),
    ]);

    private static string Cleanup(MachinePolicy policy) => policy.DeleteMachinesBehavior == DeleteMachinesBehavior.DoNotDelete
        ? "never"
        : $"after {Display.Duration(policy.DeleteMachinesElapsedTimeSpan)} unavailable";
}
