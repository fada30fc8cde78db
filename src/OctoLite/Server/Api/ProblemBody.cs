using System.Text.Json.Serialization;

namespace OctoLite.Server.Api;

/// <summary>An RFC 9457 problem-details body, with the offending field when there is one.</summary>
internal sealed record ProblemBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("field")] string? Field)
{
    public static ProblemBody From(Problem problem) =>
        new("about:blank", problem.Title, problem.Status, problem.Detail, problem.Field);
}
