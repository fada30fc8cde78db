using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OctoLite.Server.Api;

/// <summary>
/// Reads request bodies strictly: a JSON object whose fields are known (case-insensitive), with
/// values of the right type. A body only needs the fields it changes: they are laid over the current
/// document (or a new one's defaults), so PUT and POST share one set of rules.
/// </summary>
internal static class JsonInput
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return Problem.Invalid("body", $"The request body is larger than {MaxBodyBytes} bytes.");
        }

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Problem.Invalid("body", $"The request body is not valid JSON: {FirstSentence(e.Message)} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        return node is JsonObject body ? body : Problem.Invalid("body", "The request body must be a JSON object.");
    }

    /// <summary>Lays <paramref name="patch"/>'s fields over <paramref name="current"/> and reads the result back as a <typeparamref name="T"/>.</summary>
    public static Result<T> Merge<T>(T current, JsonObject patch, JsonTypeInfo<T> typeInfo)
    {
        if (JsonShape.Check(patch, typeInfo, "") is { } problem)
        {
            return problem;
        }

        var merged = (JsonObject)JsonSerializer.SerializeToNode(current, typeInfo)!;
        foreach (var (key, value) in patch)
        {
            merged[JsonShape.Property(typeInfo, key)!.Name] = value?.DeepClone();
        }

        return Deserialize(merged, typeInfo);
    }

    public static Result<T> Deserialize<T>(JsonNode node, JsonTypeInfo<T> typeInfo)
    {
        if (JsonShape.Check(node, typeInfo, "") is { } problem)
        {
            return problem;
        }

        try
        {
            var value = node.Deserialize(typeInfo);
            return value is null ? Problem.Invalid("body", "The request body must be a JSON object, not null.") : value;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
            return Problem.Invalid(field, $"{field} could not be read: {FirstSentence(e.Message)}.");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
