using System.Text.Json.Nodes;

namespace OctoLite.Cli;

/// <summary>Builds a request body from only the options the user gave: the server keeps every other field as it is.</summary>
internal sealed class JsonPatch
{
    public JsonObject Body { get; } = [];

    public bool IsEmpty => Body.Count == 0;

    public JsonPatch Set(string field, string? value)
    {
        if (value is not null)
        {
            Body[field] = value;
        }

        return this;
    }

    public JsonPatch Set(string field, int? value)
    {
        if (value is not null)
        {
            Body[field] = value.Value;
        }

        return this;
    }

    public JsonPatch Set(string field, bool? value)
    {
        if (value is not null)
        {
            Body[field] = value.Value;
        }

        return this;
    }

    public JsonPatch Set(string field, TimeSpan? value) =>
        Set(field, value?.ToString("c", System.Globalization.CultureInfo.InvariantCulture));

    public JsonPatch Set(string field, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            Body[field] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
        }

        return this;
    }

    public JsonPatch Set(string field, JsonObject? value)
    {
        if (value is { Count: > 0 })
        {
            Body[field] = value;
        }

        return this;
    }
}
