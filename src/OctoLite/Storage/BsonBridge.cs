using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiteDB;

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
        var reader = new Utf8JsonReader(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        reader.Read();
        var document = ReadValue(ref reader).AsDocument;
        if (document.TryGetValue(IdField, out var id))
        {
            document.Remove(IdField);
            document["_id"] = id;
        }

        return document;
    }

    /// <summary>The BSON for the JSON value at the reader: whole numbers become Int32 or Int64, others Double.</summary>
    private static BsonValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var document = new BsonDocument();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    document[name] = ReadValue(ref reader);
                }

                return document;
            case JsonTokenType.StartArray:
                var array = new BsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return new BsonValue(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var small) ? new BsonValue(small)
                    : reader.TryGetInt64(out var large) ? new BsonValue(large)
                    : new BsonValue(reader.GetDouble());
            case JsonTokenType.True:
                return new BsonValue(true);
            case JsonTokenType.False:
                return new BsonValue(false);
            default:
                return BsonValue.Null;
        }
    }

    public static T FromDocument<T>(BsonDocument document, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in document)
            {
                writer.WritePropertyName(key == "_id" ? IdField : key);
                Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Json.JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo)
            ?? throw new JsonException($"Stored document {document["_id"]} deserialized to null.");
    }

    /// <summary>
    /// Plain JSON for a stored value. LiteDB's own writer uses extended JSON for some types (<c>{"$numberLong": …}</c>
    /// for a 64-bit integer), which System.Text.Json cannot read back as a number.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.Type)
        {
            case BsonType.Null or BsonType.MinValue or BsonType.MaxValue:
                writer.WriteNullValue();
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Decimal:
                writer.WriteNumberValue(value.AsDecimal);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Binary:
                writer.WriteBase64StringValue(value.AsBinary);
                break;
            case BsonType.DateTime:
                writer.WriteStringValue(value.AsDateTime.ToUniversalTime());
                break;
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var (key, item) in value.AsDocument)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsArray)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
