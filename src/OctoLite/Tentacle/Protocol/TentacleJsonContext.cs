using System.Text.Json.Serialization;

namespace OctoLite.Tentacle.Protocol;

/// <summary>The tentacle boundary's serializer: strict on input (unknown fields refused), enums as strings.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TentacleCapabilities))]
[JsonSerializable(typeof(StartScriptCommand))]
[JsonSerializable(typeof(ScriptStatus))]
[JsonSerializable(typeof(TentacleProblem))]
internal sealed partial class TentacleJsonContext : JsonSerializerContext;
