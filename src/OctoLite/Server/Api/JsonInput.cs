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
        var merged = (JsonObject)JsonSerializer.SerializeToNode(current, typeInfo)!;
        foreach (var (key, value) in patch)
        {
            var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return Problem.Invalid(key, $"Unknown field '{key}'. Known fields: {string.Join(", ", typeInfo.Properties.Select(p => p.Name))}.");
            }

            merged[property.Name] = value?.DeepClone();
        }

        return Deserialize(merged, typeInfo);
    }

    public static Result<T> Deserialize<T>(JsonNode node, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = node.Deserialize(typeInfo);
            return value is null ? Problem.Invalid("body", "The request body must be a JSON object, not null.") : value;
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
    }

    private static Problem Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = message.Split('\'')[1];
            var fullName = field == "body" ? name : $"{field}.{name}";
            return Problem.Invalid(fullName, $"Unknown field '{fullName}'.");
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.Ordinal))
        {
            return Problem.Invalid(field, $"{field} must not be null.");
        }

        return Problem.Invalid(field, $"{field} has a value of the wrong type: expected {Expected(message)}.");
    }

    private static string Expected(string message) => message switch
    {
        _ when message.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when message.Contains("System.TimeSpan", StringComparison.Ordinal) => "a duration such as \"00:10:00\" or \"1.00:00:00\"",
        _ when message.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when message.Contains("OctoLite.Domain.", StringComparison.Ordinal) => EnumChoices(message),
        _ => FirstSentence(message),
    };

    private static string EnumChoices(string message)
    {
        var start = message.IndexOf("OctoLite.Domain.", StringComparison.Ordinal) + "OctoLite.Domain.".Length;
        var end = message.IndexOfAny(['.', ' ', '\''], start);
        var typeName = end < 0 ? message[start..] : message[start..end];
        return $"a {typeName} value" + (EnumNames.For(typeName) is { } names ? $" ({names})" : "");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
