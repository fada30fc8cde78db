using LiteDB;

namespace OctoLite.Storage;

/// <summary>
/// The bytes of artifacts, in 1 MiB chunks with ids <c>&lt;artifactId&gt;/&lt;index, 6 digits&gt;</c>, so a file is
/// written and read back in order on the primary key alone.
/// </summary>
internal sealed class ArtifactContents(LiteDatabase database)
{
    public const int ChunkBytes = 1024 * 1024;
    private const string IndexFormat = "000000";
    private readonly ILiteCollection<BsonDocument> _chunks = database.GetCollection("artifactcontent");

    /// <summary>Stores chunk number <paramref name="index"/> (from 0) of an artifact.</summary>
    public void Put(string artifactId, int index, ReadOnlySpan<byte> data) =>
        _chunks.Insert(new BsonDocument { ["_id"] = ChunkId(artifactId, index), ["Data"] = data.ToArray() });

    /// <summary>Chunk number <paramref name="index"/>, or null past the end.</summary>
    public byte[]? Get(string artifactId, int index) => _chunks.FindById(ChunkId(artifactId, index))?["Data"].AsBinary;

    private static string ChunkId(string artifactId, int index) =>
        $"{artifactId}/{index.ToString(IndexFormat, System.Globalization.CultureInfo.InvariantCulture)}";
}
