using System.CommandLine;
using OctoLite.Domain;

namespace OctoLite.Cli.Policies;

/// <summary>
/// The settable fields of a machine policy, shared by create (where an omitted option takes the
/// default shown) and update (where an omitted option leaves the field as it is).
/// </summary>
internal sealed class PolicyOptions(bool forUpdate)
{
    public Option<string?> Description { get; } = new("--description") { Description = forUpdate ? "New description" : "What the policy is for", HelpName = "text" };

    public Option<TimeSpan?> HealthCheckInterval { get; } = new("--health-check-interval")
    {
        Description = "Time between scheduled health checks of each worker, at least 00:00:01" + Default("01:00:00", forUpdate),
        HelpName = "hh:mm:ss",
    };

    public Option<HealthCheckType?> HealthCheckType { get; } = new("--health-check-type")
    {
        Description = "What a health check does: RunScript (connect, then run the health script) or OnlyConnectivity (connect only)" + Default("RunScript", forUpdate),
        HelpName = "type",
    };

    public Option<string?> HealthCheckScript { get; } = new("--health-check-script")
    {
        Description = "Script run on the worker during a RunScript health check once it is reached; '' checks the connection only"
            + Default("a script warning when free disk is under --disk-space-warning", forUpdate),
        HelpName = "script",
    };

    public Option<string?> HealthCheckScriptFile { get; } = new("--health-check-script-file")
    {
        Description = "Read the health script from this file instead (it may not be empty)",
        HelpName = "path",
    };

    /// <summary>Update only: the default script for the policy's syntax (the server picks it; the CLI sends the shell one).</summary>
    public Option<bool> DefaultHealthCheckScript { get; } = new("--default-health-check-script")
    {
        Description = "Put back the default health script for the policy's syntax (free disk against --disk-space-warning)",
    };

    public Option<ScriptSyntax?> HealthCheckSyntax { get; } = new("--health-check-syntax")
    {
        Description = "The health script's language: Bash, Sh, Python or PowerShell" + Default("Bash", forUpdate),
        HelpName = "syntax",
    };

    public Option<int?> DiskSpaceWarning { get; } = new("--disk-space-warning")
    {
        Description = "A RunScript health check warns when the worker has less free disk than this many MB; 0 for no disk check" + Default("500", forUpdate),
        HelpName = "mb",
    };

    public Option<MachineConnectivityBehavior?> Connectivity { get; } = new("--connectivity")
    {
        Description = "ExpectedToBeOnline (an unreachable worker fails the health check task) or MayBeOfflineAndCanBeSkipped (it is marked Unavailable, the task goes on)"
            + Default("ExpectedToBeOnline", forUpdate),
        HelpName = "behaviour",
    };

    public Option<TimeSpan?> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "How long to wait when connecting to a worker" + Default("00:01:00", forUpdate),
        HelpName = "hh:mm:ss",
    };

    public Option<TimeSpan?> PollingQueueTimeout { get; } = new("--polling-queue-timeout")
    {
        Description = "How long a polling tentacle has to collect a queued request before it fails; one silent for longer is marked Unavailable" + Default("00:02:00", forUpdate),
        HelpName = "hh:mm:ss",
    };

    public Option<int?> RetryCount { get; } = new("--connection-retries")
    {
        Description = "Connection attempts before a worker counts as unavailable" + Default("5", forUpdate),
        HelpName = "n",
    };

    public Option<DeleteMachinesBehavior?> Cleanup { get; } = new("--cleanup")
    {
        Description = "Whether unavailable workers are deleted: DoNotDelete or DeleteUnavailableMachines" + Default("DoNotDelete", forUpdate),
        HelpName = "behaviour",
    };

    public Option<TimeSpan?> CleanupAfter { get; } = new("--cleanup-after")
    {
        Description = "How long a worker must have been unavailable before a health check's cleanup deletes it, d.hh:mm:ss" + Default("1.00:00:00", forUpdate),
        HelpName = "duration",
    };

    public IEnumerable<Option> All => forUpdate
        ? [Description, HealthCheckInterval, HealthCheckType, HealthCheckScript, HealthCheckScriptFile, DefaultHealthCheckScript, HealthCheckSyntax, DiskSpaceWarning, Connectivity, ConnectTimeout, PollingQueueTimeout, RetryCount, Cleanup, CleanupAfter]
        : [Description, HealthCheckInterval, HealthCheckType, HealthCheckScript, HealthCheckScriptFile, HealthCheckSyntax, DiskSpaceWarning, Connectivity, ConnectTimeout, PollingQueueTimeout, RetryCount, Cleanup, CleanupAfter];

    public JsonPatch Apply(JsonPatch patch, ParseResult result) => patch
        .Set("Description", result.GetValue(Description))
        .Set("HealthCheckInterval", result.GetValue(HealthCheckInterval))
        .Set("HealthCheckType", result.GetValue(HealthCheckType)?.ToString())
        .Set("HealthCheckScript", Script(result))
        .Set("HealthCheckScriptSyntax", result.GetValue(HealthCheckSyntax)?.ToString())
        .Set("DiskSpaceWarningThresholdMb", result.GetValue(DiskSpaceWarning))
        .Set("ConnectivityBehavior", result.GetValue(Connectivity)?.ToString())
        .Set("ConnectionConnectTimeout", result.GetValue(ConnectTimeout))
        .Set("PollingRequestQueueTimeout", result.GetValue(PollingQueueTimeout))
        .Set("ConnectionRetryCountLimit", result.GetValue(RetryCount))
        .Set("DeleteMachinesBehavior", result.GetValue(Cleanup)?.ToString())
        .Set("DeleteMachinesElapsedTimeSpan", result.GetValue(CleanupAfter));

    /// <summary>The script given by one of the script options, or null when none was; a usage error when more than one was, or the file is unfit.</summary>
    private string? Script(ParseResult result)
    {
        var inline = result.GetValue(HealthCheckScript);
        var file = result.GetValue(HealthCheckScriptFile);
        var restore = forUpdate && result.GetValue(DefaultHealthCheckScript);
        if ((inline is null ? 0 : 1) + (file is null ? 0 : 1) + (restore ? 1 : 0) > 1)
        {
            throw CliException.Usage(forUpdate
                ? "Give one of --health-check-script, --health-check-script-file and --default-health-check-script, not more."
                : "Give --health-check-script or --health-check-script-file, not both.");
        }

        return restore ? MachinePolicyHealthScripts.Shell
            : file is not null ? ReadScript(file)
            : inline;
    }

    private static string ReadScript(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"Cannot read the health script file {path}: {e.Message}");
        }

        if (text.Trim().Length == 0)
        {
            throw CliException.Usage($"The health script file {path} is empty. To check the connection only, give --health-check-script '' or --health-check-type OnlyConnectivity.");
        }

        if (text.Contains('\0'))
        {
            throw CliException.Usage($"The health script file {path} holds a NUL character: give a text file.");
        }

        return text;
    }

    private static string Default(string value, bool forUpdate) => forUpdate ? "" : $" (default: {value})";
}
