using System.Text.Json.Serialization.Metadata;
using LiteDB;

namespace OctoLite.Storage;

/// <summary>A collection holding exactly one document, such as the server configuration.</summary>
internal sealed class SingletonDocument<T> where T : new()
{
    private const string Key = "singleton";
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly JsonTypeInfo<T> _typeInfo;

    public SingletonDocument(LiteDatabase database, string name, JsonTypeInfo<T> typeInfo)
    {
        _documents = database.GetCollection(name);
        _typeInfo = typeInfo;
    }

    public bool Exists => _documents.FindById(Key) is not null;

    /// <summary>The stored value, or the type's defaults when nothing is stored yet.</summary>
    public T Get()
    {
        var document = _documents.FindById(Key);
        return document is null ? new T() : BsonBridge.FromDocument(document, _typeInfo);
    }

    public void Set(T value)
    {
        var document = BsonBridge.ToDocument(value, _typeInfo);
        document["_id"] = Key;
        _documents.Upsert(document);
    }
}
