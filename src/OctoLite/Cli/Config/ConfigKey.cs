using System.Globalization;
using System.Text.Json.Nodes;
using OctoLite.Domain;

namespace OctoLite.Cli.Config;

/// <summary>A configuration key as the CLI names it, the API field behind it, and how its value is read and shown.</summary>
/// <remarks><paramref name="ShownField"/> is the API field <c>config get -o json</c> shows when it differs from the one set (a secret shows whether it is set).</remarks>
internal sealed record ConfigKey(string Name, string Field, string Help, Func<string, JsonNode?> Parse, Func<ServerConfiguration, string> Show, string? ShownField = null)
{
    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new("taskCap", nameof(ServerConfiguration.TaskCap),
            $"Most tasks executing at once on this node, 1-{ServerConfiguration.MaxTaskCap} (default {ServerConfiguration.DefaultTaskCap})",
            value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap is >= 1 and <= ServerConfiguration.MaxTaskCap
                ? JsonValue.Create(cap)
                : throw CliException.Usage($"taskCap must be a whole number from 1 to {ServerConfiguration.MaxTaskCap} (got '{value}')."),
            c => c.TaskCap.ToString(CultureInfo.InvariantCulture)),
        new("builtInWorker.enabled", nameof(ServerConfiguration.BuiltInWorkerEnabled),
            "Whether steps may run on the built-in worker: true or false (default true)",
            value => value.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw CliException.Usage($"builtInWorker.enabled must be true or false (got '{value}')."),
            },
            c => c.BuiltInWorkerEnabled ? "true" : "false"),
        new("builtInWorker.runAs", nameof(ServerConfiguration.BuiltInWorkerRunAs),
            "OS account the built-in worker runs steps as; empty for the server's own account",
            value => JsonValue.Create(value.Trim()),
            c => c.BuiltInWorkerRunAs),
        new("builtInWorker.keepWorkingFolders", nameof(ServerConfiguration.BuiltInWorkerKeepWorkingFolders),
            "Keep each step's working folder after the step (under <data dir>/work, or /var/lib/octolite-runas with builtInWorker.runAs): true or false (default false)",
            value => value.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw CliException.Usage($"builtInWorker.keepWorkingFolders must be true or false (got '{value}')."),
            },
            c => c.BuiltInWorkerKeepWorkingFolders ? "true" : "false"),
        new("workerLeaseTimeout", nameof(ServerConfiguration.WorkerLeaseTimeout),
            $"How long a starting task waits for a free worker in each pool it uses before it fails, e.g. 00:10:00; 0 fails at once (default {ServerConfiguration.DefaultWorkerLeaseTimeout:c})",
            value => ParseDuration("workerLeaseTimeout", value, ServerConfiguration.MaxWorkerLeaseTimeout),
            c => c.LeaseTimeout().ToString("c", CultureInfo.InvariantCulture)),
        new("smtp.host", nameof(ServerConfiguration.SmtpHost),
            "SMTP server email steps send through; empty turns email off",
            value => JsonValue.Create(value.Trim()),
            c => c.SmtpHost),
        new("smtp.port", nameof(ServerConfiguration.SmtpPort),
            $"SMTP server port, 1-65535 (default {ServerConfiguration.DefaultSmtpPort})",
            value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
                ? JsonValue.Create(port)
                : throw CliException.Usage($"smtp.port must be a port number from 1 to 65535 (got '{value}')."),
            c => c.SmtpPort.ToString(CultureInfo.InvariantCulture)),
        new("smtp.enableSsl", nameof(ServerConfiguration.SmtpEnableSsl),
            "Encrypt SMTP: implicit TLS on port 465, STARTTLS on others; true or false (default false)",
            value => value.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw CliException.Usage($"smtp.enableSsl must be true or false (got '{value}')."),
            },
            c => c.SmtpEnableSsl ? "true" : "false"),
        new("smtp.from", nameof(ServerConfiguration.SmtpFrom),
            "Sender address of every email, e.g. octolite@example.com",
            value => JsonValue.Create(value.Trim()),
            c => c.SmtpFrom),
        new("smtp.username", nameof(ServerConfiguration.SmtpUsername),
            "SMTP user name (AUTH PLAIN or LOGIN); empty for none",
            value => JsonValue.Create(value.Trim()),
            c => c.SmtpUsername),
        new("smtp.password", nameof(ServerConfiguration.SmtpPassword),
            "SMTP password, stored encrypted and never shown; \"\" removes it",
            value => JsonValue.Create(value),
            c => c.SmtpPasswordIsSet ? "set" : "not set",
            nameof(ServerConfiguration.SmtpPasswordIsSet)),
    ];

    /// <summary>A duration as hh:mm:ss (or d.hh:mm:ss), or 0, from zero to <paramref name="max"/>.</summary>
    private static JsonNode ParseDuration(string key, string value, TimeSpan max)
    {
        var trimmed = value.Trim();
        if (trimmed == "0")
        {
            return JsonValue.Create(TimeSpan.Zero.ToString("c", CultureInfo.InvariantCulture));
        }

        return trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero && duration <= max
            ? JsonValue.Create(duration.ToString("c", CultureInfo.InvariantCulture))
            : throw CliException.Usage($"{key} must be a duration from 00:00:00 to {max:c}, such as 00:10:00 (got '{value}').");
    }

    public static ConfigKey Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw CliException.Usage($"Unknown configuration key '{name}'. Keys: {string.Join(", ", All.Select(k => k.Name))}.");
}
