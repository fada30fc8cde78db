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

    public static void One(TextWriter writer, MachinePolicy policy)
    {
        Fields(writer, policy);
        if (policy.HealthCheckScript.Trim().Length == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"Health check script ({policy.HealthCheckScriptSyntax}):");
        foreach (var line in policy.HealthCheckScript.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            writer.WriteLine($"  {line}".TrimEnd());
        }
    }

    private static void Fields(TextWriter writer, MachinePolicy policy) => Table.WriteFields(writer,
    [
        ("Id", policy.Id),
        ("Name", policy.Name),
        ("Default", Display.YesNo(policy.IsDefault)),
        ("Description", policy.Description),
        ("Health check", policy.HealthCheckType.ToString()),
        ("Health check interval", Display.Duration(policy.HealthCheckInterval)),
        ("Health check script", Script(policy)),
        ("Disk space warning", DiskSpaceWarning(policy)),
        ("Connectivity", policy.ConnectivityBehavior.ToString()),
        ("Connect timeout", Display.Duration(policy.ConnectionConnectTimeout)),
        ("Polling queue timeout", Display.Duration(policy.PollingRequestQueueTimeout)),
        ("Connection retries", policy.ConnectionRetryCountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Cleanup", Cleanup(policy)),
    ]);

    private static string Script(MachinePolicy policy) =>
        policy.HealthCheckScript.Trim().Length == 0 ? "none: the connection is all that is checked"
        : (MachinePolicyHealthScripts.IsDefault(policy.HealthCheckScript) ? $"the default {policy.HealthCheckScriptSyntax} script (below)" : $"{policy.HealthCheckScriptSyntax} (below)")
            + (policy.HealthCheckType == HealthCheckType.OnlyConnectivity ? "; not run while the health check is OnlyConnectivity" : "");

    /// <summary>The threshold is the health script's to apply (as a variable): say so when no script runs to apply it.</summary>
    private static string DiskSpaceWarning(MachinePolicy policy) =>
        policy.DiskSpaceWarningThresholdMb == 0 ? "off"
        : $"under {policy.DiskSpaceWarningThresholdMb.ToString(System.Globalization.CultureInfo.InvariantCulture)} MB free"
            + (policy.HealthCheckType == HealthCheckType.OnlyConnectivity || policy.HealthCheckScript.Trim().Length == 0 ? " (not checked: no health script runs)" : "");

    private static string Cleanup(MachinePolicy policy) => policy.DeleteMachinesBehavior == DeleteMachinesBehavior.DoNotDelete
        ? "never"
        : $"after {Display.Duration(policy.DeleteMachinesElapsedTimeSpan)} unavailable";
}
