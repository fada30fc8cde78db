using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OctoLite.Server.Api;

/// <summary>
/// Checks a JSON body against a type's source-generated metadata before it is read, so every error
/// names the exact field (<c>Endpoint.Port</c>) and what was expected, independent of the
/// serializer's exception texts.
/// </summary>
internal static class JsonShape
{
    public static JsonPropertyInfo? Property(JsonTypeInfo typeInfo, string name) =>
        typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first problem found in <paramref name="node"/>, or null when it has the shape of the type.</summary>
    public static Problem? Check(JsonNode? node, JsonTypeInfo typeInfo, string path)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                if (typeInfo.Properties.FirstOrDefault(p => p.IsRequired && !obj.Any(field => string.Equals(field.Key, p.Name, StringComparison.OrdinalIgnoreCase))) is { } missing)
                {
                    var field = Join(path, missing.Name);
                    return Problem.Invalid(field, $"{field} is required.");
                }

                foreach (var (key, value) in obj)
                {
                    var property = Property(typeInfo, key);
                    var field = Join(path, property?.Name ?? key);
                    if (property is null)
                    {
                        return Problem.Invalid(field, $"Unknown field '{field}'. Known fields{(path.Length > 0 ? $" of {path}" : "")}: {string.Join(", ", typeInfo.Properties.Select(p => p.Name))}.");
                    }

                    if (value is null)
                    {
                        if (!property.IsSetNullable)
                        {
                            return Problem.Invalid(field, $"{field} must not be null.");
                        }

                        continue;
                    }

                    if (Check(value, typeInfo.Options.GetTypeInfo(property.PropertyType), field) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                var elementType = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    if (Check(array[i], elementType, $"{path}[{i}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonTypeInfoKind.None:
                try
                {
                    JsonSerializer.Deserialize(node, typeInfo);
                    return null;
                }
                catch (JsonException)
                {
                    return Problem.Invalid(Name(path), $"{Name(path)} must be {Expected(typeInfo.Type)} (got {node?.ToJsonString() ?? "null"}).");
                }

            default:
                return Problem.Invalid(Name(path), $"{Name(path)} must be {Expected(typeInfo.Type)} (got {node?.ToJsonString() ?? "null"}).");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Name(string path) => path.Length == 0 ? "body" : path;

    private static string Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(string) => "a string",
            _ when underlying == typeof(TimeSpan) => "a duration such as \"00:10:00\" or \"1.00:00:00\"",
            _ when underlying == typeof(DateTimeOffset) => "a date and time such as \"2026-01-31T12:00:00Z\"",
            _ when underlying.IsEnum => $"one of {string.Join(", ", Enum.GetNames(underlying))}",
            _ when underlying.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "a list",
            _ => "an object",
        };
    }
}
