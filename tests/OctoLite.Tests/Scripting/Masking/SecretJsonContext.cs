using System.Text.Json.Serialization;

namespace OctoLite.Tests.Scripting.Masking;

/// <summary>Serialises strings the way .NET's JSON writer does by default, for the JSON-form tests.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SecretJsonContext : JsonSerializerContext;
