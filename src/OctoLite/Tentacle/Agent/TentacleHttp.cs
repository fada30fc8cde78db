using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>Writing the listener's answers: JSON bodies with the protocol's context, and every answer naming the protocol version.</summary>
internal static class TentacleHttp
{
    public static async Task WriteJsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    public static Task WriteProblemAsync(HttpContext context, int status, string detail, string? field) =>
        WriteJsonAsync(context, status, new TentacleProblem(detail, field), TentacleJsonContext.Default.TentacleProblem);

    /// <summary>The field a <see cref="JsonException"/> is about, from its JSON path (<c>$.variables[2].name</c> → <c>variables[2].name</c>).</summary>
    public static string FieldOf(JsonException e) =>
        e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
}
