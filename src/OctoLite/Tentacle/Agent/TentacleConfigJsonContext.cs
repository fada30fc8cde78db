using System.Text.Json.Serialization;

namespace OctoLite.Tentacle.Agent;

/// <summary>Instance settings and the instance registry: indented, for people who open the files; unknown fields refused.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TentacleInstanceConfig))]
[JsonSerializable(typeof(TentacleInstanceRegistryFile))]
internal sealed partial class TentacleConfigJsonContext : JsonSerializerContext;
