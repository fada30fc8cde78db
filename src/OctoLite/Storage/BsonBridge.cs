using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiteDB;
using LiteJson = LiteDB.JsonSerializer;

namespace OctoLite.Storage;

/// <summary>
/// Converts aggregates to and from BSON through System.Text.Json's source-generated metadata and
/// LiteDB's own JSON reader/writer: no reflection at all, so it behaves the same under Native AOT.
/// The aggregate's <c>Id</c> becomes LiteDB's <c>_id</c>.
/// </summary>
internal static class BsonBridge
{
    private const string IdField = "Id";

    public static BsonDocument ToDocument<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(value, typeInfo);
        var document = LiteJson.Deserialize(json).AsDocument;
        if (document.TryGetValue(IdField, out var id))
        {
            document.Remove(IdField);
            document["_id"] = id;
        }

        return document;
    }

    public static T FromDocument<T>(BsonDocument document, JsonTypeInfo<T> typeInfo)
    {
        var copy = new BsonDocument();
        foreach (var (key, value) in document)
        {
            copy[key == "_id" ? IdField : key] = value;
        }

        var json = LiteJson.Serialize(copy);
        return System.Text.Json.JsonSerializer.Deserialize(json, typeInfo)
            ?? throw new JsonException($"Stored document {document["_id"]} deserialized to null.");
    }
}
