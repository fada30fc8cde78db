using System.Globalization;
using System.Text.Json.Nodes;
using OctoLite.Domain;

namespace OctoLite.Cli.Config;

/// <summary>A configuration key as the CLI names it, the API field behind it, and how its value is read and shown.</summary>
internal sealed record ConfigKey(string Name, string Field, string Help, Func<string, JsonNode?> Parse, Func<ServerConfiguration, string> Show)
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
            "Keep each step's working folder under <data dir>/work after the step: true or false (default false)",
            value => value.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw CliException.Usage($"builtInWorker.keepWorkingFolders must be true or false (got '{value}')."),
            },
            c => c.BuiltInWorkerKeepWorkingFolders ? "true" : "false"),
    ];

    public static ConfigKey Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw CliException.Usage($"Unknown configuration key '{name}'. Keys: {string.Join(", ", All.Select(k => k.Name))}.");
}
