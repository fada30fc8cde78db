using System.Text.Json.Serialization.Metadata;
using LiteDB;

namespace OctoLite.Storage;

/// <summary>
/// A typed view of one LiteDB collection. Callers hold the store's lock (see <see cref="OctoStore"/>),
/// so reads see a consistent state and writes join the session's transaction.
/// </summary>
internal sealed class Collection<T>
{
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Func<T, string> _id;

    public Collection(LiteDatabase database, string name, JsonTypeInfo<T> typeInfo, Func<T, string> id)
    {
        _documents = database.GetCollection(name, BsonAutoId.ObjectId);
        _typeInfo = typeInfo;
        _id = id;
    }

    public T? Get(string id)
    {
        var document = _documents.FindById(id);
        return document is null ? default : BsonBridge.FromDocument(document, _typeInfo);
    }

    public List<T> All() => _documents.FindAll().Select(d => BsonBridge.FromDocument(d, _typeInfo)).ToList();

    public int Count() => _documents.Count();

    public void Insert(T value) => _documents.Insert(BsonBridge.ToDocument(value, _typeInfo));

    public void Update(T value)
    {
        if (!_documents.Update(BsonBridge.ToDocument(value, _typeInfo)))
        {
            throw new InvalidOperationException($"Cannot update {_id(value)}: it is not stored.");
        }
    }

    public bool Delete(string id) => _documents.Delete(id);
}
