using System.Text.Json.Serialization;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>The agent's own files on disk, compact: journal lines (one <see cref="ScriptEvent"/> each) and ticket status files.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScriptEvent))]
[JsonSerializable(typeof(ScriptRecord))]
internal sealed partial class TentacleAgentJsonContext : JsonSerializerContext;
