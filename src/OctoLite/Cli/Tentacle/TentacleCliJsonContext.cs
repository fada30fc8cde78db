using System.Text.Json.Serialization;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>The <c>-o json</c> output of the tentacle verbs, indented like the rest of the CLI's.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(TentacleConfigurationView))]
[JsonSerializable(typeof(TentacleThumbprintView))]
[JsonSerializable(typeof(IReadOnlyList<TentacleInstanceEntry>))]
internal sealed partial class TentacleCliJsonContext : JsonSerializerContext;

