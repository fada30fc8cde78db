using System.Text.Json.Nodes;

namespace OctoLite.Acceptance.Support;

/// <summary>Terse, failing-loudly reads of the CLI's PascalCase JSON.</summary>
internal static class JsonNodeExtensions
{
    public static JsonNode Field(this JsonNode node, string name) =>
        node[name] ?? throw new Xunit.Sdk.XunitException($"missing or null field '{name}' in {node.ToJsonString()}");

    public static string Str(this JsonNode node, string name) => node.Field(name).GetValue<string>();

    public static bool Bool(this JsonNode node, string name) => node.Field(name).GetValue<bool>();

    public static int Int(this JsonNode node, string name) => node.Field(name).GetValue<int>();

    public static IReadOnlyList<JsonNode> Items(this JsonNode node) =>
        node is JsonArray array
            ? array.Select(item => item ?? throw new Xunit.Sdk.XunitException("null item in array")).ToList()
            : throw new Xunit.Sdk.XunitException($"expected a JSON array, got {node.ToJsonString()}");

    public static IReadOnlyList<string> Strings(this JsonNode node, string name) =>
        node.Field(name).Items().Select(item => item.GetValue<string>()).ToList();

    public static IReadOnlyList<string> Names(this JsonNode array) => array.Items().Select(item => item.Str("Name")).ToList();

    public static JsonNode ById(this JsonNode array, string id) =>
        array.Items().SingleOrDefault(item => item.Str("Id") == id)
        ?? throw new Xunit.Sdk.XunitException($"no item with Id {id} in {array.ToJsonString()}");

    /// <summary>A copy without the named fields, for comparing documents where some fields may legitimately move.</summary>
    public static JsonNode Without(this JsonNode node, params string[] names)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var name in names)
            copy.Remove(name);
        return copy;
    }
}
