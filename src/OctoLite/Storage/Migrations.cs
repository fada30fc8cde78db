using LiteDB;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// The schema history. The data file records the version it is at (LiteDB's user version); opening
/// an older file applies the missing steps, opening a newer one is refused.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "Initial collections: worker pools, workers, machine policies, configuration, audit events, API keys",
            database =>
            {
                foreach (var name in new[] { "workerpools", "workers", "machinepolicies", "configuration", "events", "apikeys", "ids" })
                {
                    database.GetCollection(name);
                }
            }),
        new(2, "Projects, runbooks (with their processes) and project variable sets",
            database =>
            {
                foreach (var name in new[] { "projects", "runbooks", "variablesets" })
                {
                    database.GetCollection(name);
                }
            }),
        new(3, "Server tasks, their log chunks, artifacts and artifact content",
            database =>
            {
                foreach (var name in new[] { "tasks", "tasklogs", "artifacts", "artifactcontent" })
                {
                    database.GetCollection(name);
                }
            }),
        new(4, "Environments, deployment targets, releases and the certificate library",
            database =>
            {
                foreach (var name in new[] { "environments", "targets", "releases", "certificates" })
                {
                    database.GetCollection(name);
                }
            }),
        new(5, "Workers' health history; machine policies get the disk space warning threshold's default (500 MB)",
            database =>
            {
                database.GetCollection("workerhealth");
                // The source-generated reader gives a missing field its type's default (0, which turns the disk check
                // off), not the record's: store the documented default in policies written before the field existed.
                var policies = database.GetCollection("machinepolicies");
                foreach (var policy in policies.FindAll().Where(p => !p.ContainsKey("DiskSpaceWarningThresholdMb")).ToList())
                {
                    policy["DiskSpaceWarningThresholdMb"] = 500;
                    policies.Update(policy);
                }
            }),
        new(6, "Machine policies with an empty health check script get the default script for their syntax",
            database =>
            {
                // Until now an empty script meant "the server's built-in checks" (free disk under the threshold warns);
                // from now on the default script does that on the worker, and an empty script means connectivity only,
                // as in Octopus. Writing the default script into these policies keeps their checks doing what they did
                // (the script reads the threshold, so it still applies) and shows it in `policy show`, rather than
                // keeping a hidden server-side check for old policies only. OnlyConnectivity policies get it too: their
                // empty script never meant "nothing", and switching them to RunScript must check disk as it would have.
                var policies = database.GetCollection("machinepolicies");
                foreach (var policy in policies.FindAll().Where(p => !p.TryGetValue("HealthCheckScript", out var script) || !script.IsString || script.AsString.Trim().Length == 0).ToList())
                {
                    var syntax = policy.TryGetValue("HealthCheckScriptSyntax", out var stored) && stored.IsString && Enum.TryParse<ScriptSyntax>(stored.AsString, out var parsed) && Enum.IsDefined(parsed)
                        ? parsed
                        : ScriptSyntax.Bash;
                    policy["HealthCheckScript"] = MachinePolicyHealthScripts.For(syntax);
                    policies.Update(policy);
                }
            }),
    ];

    public static int Latest => All[^1].Version;

    public static void Apply(LiteDatabase database, string filePath)
    {
        var current = database.UserVersion;
        if (current > Latest)
        {
            throw new StoreException(
                $"The data file {filePath} is at schema version {current}, newer than this OctoLite understands ({Latest}). Upgrade OctoLite, or restore a backup made by this version.");
        }

        foreach (var migration in All.Where(m => m.Version > current))
        {
            database.BeginTrans();
            migration.Apply(database);
            database.Commit();
            database.UserVersion = migration.Version;
        }
    }
}
