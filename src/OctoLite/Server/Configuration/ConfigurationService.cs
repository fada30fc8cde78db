using OctoLite.Domain;
using OctoLite.Scripting.RunAs;
using OctoLite.Server.Audit;
using OctoLite.Server.Email;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Configuration;

/// <summary>The server-wide settings document: read, validated changes, audited.</summary>
internal sealed class ConfigurationService(OctoStore store, AuditTrail audit, SecretProtector secrets)
{
    public const string DocumentType = "ServerConfiguration";
    public const string DocumentId = "ServerConfiguration";

    /// <summary>Raised after a change is stored (e.g. so the task queue picks up a new task cap at once).</summary>
    public event Action? Changed;

    /// <summary>The settings as shown outside the server: the SMTP password left out (see <see cref="SmtpPasswordField"/>).</summary>
    public ServerConfiguration Get() => SmtpPasswordField.Redact(store.Read(s => s.Configuration.Get()));

    public Result<ServerConfiguration> Update(Func<ServerConfiguration, Result<ServerConfiguration>> change, Actor who)
    {
        var result = Store(change, who);
        if (result.IsSuccess)
        {
            Changed?.Invoke();
        }

        return result;
    }

    private Result<ServerConfiguration> Store(Func<ServerConfiguration, Result<ServerConfiguration>> change, Actor who) =>
        store.Write<Result<ServerConfiguration>>(s =>
        {
            var current = s.Configuration.Get();
            var changed = change(SmtpPasswordField.Redact(current));
            if (!changed.IsSuccess)
            {
                return changed.Problem;
            }

            var validated = Validate(SmtpPasswordField.Resolve(current, changed.Value), current);
            if (!validated.IsSuccess)
            {
                return validated.Problem;
            }

            var stored = SmtpPasswordField.Seal(current, validated.Value, secrets);
            s.Configuration.Set(stored);
            audit.Record(s, who, "Modified", DocumentType, DocumentId, "Server configuration modified",
                SmtpPasswordField.Describe(current, validated.Value,
                    ChangeSummary.Describe(SmtpPasswordField.Redact(current), SmtpPasswordField.Redact(stored), StorageJsonContext.Default.ServerConfiguration)));
            return SmtpPasswordField.Redact(stored);
        });

    /// <summary>Stores the defaults on first start. Returns false when configuration exists.</summary>
    public bool SeedDefault(StoreSession s, Actor who)
    {
        if (s.Configuration.Exists)
        {
            return false;
        }

        var defaults = new ServerConfiguration();
        s.Configuration.Set(defaults);
        audit.Record(s, who, "Created", DocumentType, DocumentId, "Server configuration created",
            ChangeSummary.Snapshot(defaults, StorageJsonContext.Default.ServerConfiguration, nameof(ServerConfiguration.SmtpPassword)));
        return true;
    }

    /// <summary>
    /// Checks a whole settings document. The run-as account is checked when it differs from
    /// <paramref name="current"/>'s (the stored one): an account deleted since it was set does not block unrelated
    /// changes; the built-in worker checks it again before every step.
    /// </summary>
    public static Result<ServerConfiguration> Validate(ServerConfiguration configuration, ServerConfiguration? current = null)
    {
        if (configuration.TaskCap is < 1 or > ServerConfiguration.MaxTaskCap)
        {
            return Problem.Invalid("TaskCap", $"TaskCap must be between 1 and {ServerConfiguration.MaxTaskCap} (got {configuration.TaskCap}).");
        }

        if (configuration.WorkerLeaseTimeout is { } leaseTimeout && (leaseTimeout < TimeSpan.Zero || leaseTimeout > ServerConfiguration.MaxWorkerLeaseTimeout))
        {
            return Problem.Invalid("WorkerLeaseTimeout", $"WorkerLeaseTimeout must be from 00:00:00 to {ServerConfiguration.MaxWorkerLeaseTimeout:c} (got {leaseTimeout:c}); null for the default, {ServerConfiguration.DefaultWorkerLeaseTimeout:c}.");
        }

        var runAs = configuration.BuiltInWorkerRunAs?.Trim() ?? "";
        if (runAs.Length > 0 && runAs != current?.BuiltInWorkerRunAs && RunAsProblem(runAs) is { } problem)
        {
            return Problem.Invalid("BuiltInWorkerRunAs", problem);
        }

        return SmtpRules.Validate(configuration with { BuiltInWorkerRunAs = runAs });
    }

    // Why steps could not run as runAs on this server, or null when they can.
    private static string? RunAsProblem(string runAs)
    {
        RunAsAccount? account;
        try
        {
            account = RunAsAccount.Find(runAs);
        }
        catch (IOException e)
        {
            return $"The user '{runAs}' could not be looked up: {e.Message}";
        }

        if (account is null)
        {
            return $"There is no user '{runAs}' on this machine; create it first or leave builtInWorker.runAs empty.";
        }

        if (account.IsServerAccount)
        {
            return null;
        }

        if (!RunAsAccount.ServerIsRoot)
        {
            return $"The server runs as '{Environment.UserName}', which cannot start processes as '{runAs}'. Run the server as root to use builtInWorker.runAs.";
        }

        return RunAsCommand.FindSetpriv(null) is null ? $"builtInWorker.runAs cannot be used on this machine. {RunAsCommand.MissingMessage}" : null;
    }
}
