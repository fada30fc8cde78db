using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OctoLite.Server.Audit;

/// <summary>Describes what changed between two versions of a document, field by field, for audit events.</summary>
internal static class ChangeSummary
{
    private const int MaxValueLength = 120;

    public static string Describe<T>(T before, T after, JsonTypeInfo<T> typeInfo)
    {
        var old = (JsonObject)JsonSerializer.SerializeToNode(before, typeInfo)!;
        var now = (JsonObject)JsonSerializer.SerializeToNode(after, typeInfo)!;
        var changes = new List<string>();
        foreach (var (name, value) in now)
        {
            var previous = old[name];
            if (!JsonNode.DeepEquals(previous, value))
            {
                changes.Add($"{name}: {Show(previous)} → {Show(value)}");
            }
        }

        return changes.Count == 0 ? "no fields changed" : string.Join("; ", changes);
    }

    public static string Snapshot<T>(T value, JsonTypeInfo<T> typeInfo, params string[] hiddenFields)
    {
        var node = (JsonObject)JsonSerializer.SerializeToNode(value, typeInfo)!;
        return string.Join("; ", node.Where(p => !hiddenFields.Contains(p.Key)).Select(p => $"{p.Key}: {Show(p.Value)}"));
    }

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString();
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");
    }
}
