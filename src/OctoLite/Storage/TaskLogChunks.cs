using System.Buffers.Binary;
using System.Text;
using LiteDB;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// Task log lines, stored in chunks: one document per batch of lines, never one per line. A chunk's id is
/// <c>&lt;taskId&gt;/&lt;last sequence, 12 digits&gt;</c>, so the chunks holding lines after N are found on the
/// primary key alone (ids greater than <c>&lt;taskId&gt;/N</c>), in order, with no secondary index.
/// </summary>
/// <remarks>
/// A chunk packs its lines: the texts joined by <c>\n</c> (a line never holds one) and, per line, the time
/// (unix milliseconds, 8 bytes), the level (1 byte) and the index of its block in the chunk's block list (2 bytes).
/// The joined texts are stored as UTF-8, so output read as UTF-8 is never converted on its way in; both the texts and
/// the per-line data are stored as arrays of binary pieces (<see cref="PooledSegments"/>), joined again when read.
/// Chunks written before that hold the texts as one string and the per-line data as one binary; both forms are read.
/// </remarks>
internal sealed class TaskLogChunks(LiteDatabase database)
{
    private const string SequenceFormat = "000000000000";
    private const long MaxSequence = 999_999_999_999;
    private readonly ILiteCollection<BsonDocument> _chunks = database.GetCollection("tasklogs");

    /// <summary>Stores <paramref name="lines"/> (consecutive sequences, ascending) as one chunk.</summary>
    public void Append(string taskId, IReadOnlyList<TaskLogLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var chunk = new LogChunkBuilder(lines[0].Sequence);
        foreach (var line in lines)
        {
            chunk.Add(line.Time, line.Level, line.Block, line.Text);
        }

        try
        {
            Append(taskId, chunk);
        }
        finally
        {
            chunk.Release();
        }
    }

    /// <summary>Stores a packed batch of lines as one chunk; the caller releases <paramref name="chunk"/> afterwards.</summary>
    public void Append(string taskId, LogChunkBuilder chunk)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        _chunks.Insert(new BsonDocument
        {
            ["_id"] = ChunkId(taskId, chunk.LastSequence),
            ["First"] = chunk.FirstSequence,
            ["Count"] = chunk.Count,
            ["Text"] = Pieces(chunk.TextUtf8()),
            ["Meta"] = Pieces(chunk.Meta()),
            ["Blocks"] = new BsonArray(chunk.Blocks.Select(b => new BsonValue(b))),
        });
    }

    /// <summary>Up to <paramref name="take"/> lines with sequence greater than <paramref name="after"/>, in order.</summary>
    public List<TaskLogLine> ReadAfter(string taskId, long after, int take)
    {
        var result = new List<TaskLogLine>();
        if (take <= 0)
        {
            return result;
        }

        var from = ChunkId(taskId, Math.Max(after, 0) + 1);
        foreach (var chunk in _chunks.Find(Query.Between("_id", from, ChunkId(taskId, MaxSequence))))
        {
            Unpack(chunk, after, take, result);
            if (result.Count >= take)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The sequence of the last stored line of a task's log; 0 when it has none.</summary>
    public long LastSequence(string taskId)
    {
        var last = _chunks.Query()
            .Where(Query.Between("_id", ChunkId(taskId, 0), ChunkId(taskId, MaxSequence)))
            .OrderByDescending("_id")
            .Limit(1)
            .FirstOrDefault();
        return last is null ? 0 : last["First"].AsInt64 + last["Count"].AsInt32 - 1;
    }

    /// <summary>Adds the chunk's lines after <paramref name="after"/> to <paramref name="into"/> until it holds <paramref name="take"/>.</summary>
    private static void Unpack(BsonDocument chunk, long after, int take, List<TaskLogLine> into)
    {
        var first = chunk["First"].AsInt64;
        var meta = Joined(chunk["Meta"]);
        var blocks = chunk["Blocks"].AsArray;
        var text = chunk["Text"];
        if (!text.IsString)
        {
            var utf8 = Joined(text).AsSpan();
            var index = 0;
            foreach (var range in utf8.Split((byte)'\n'))
            {
                if (first + index > after && Add(into, first + index, meta, index, blocks, Encoding.UTF8.GetString(utf8[range]), take))
                {
                    return;
                }

                index++;
            }
        }
        else
        {
            var chars = text.AsString.AsSpan();
            var index = 0;
            foreach (var range in chars.Split('\n'))
            {
                if (first + index > after && Add(into, first + index, meta, index, blocks, chars[range].ToString(), take))
                {
                    return;
                }

                index++;
            }
        }
    }

    /// <summary>Adds the line at <paramref name="index"/> of a chunk; returns whether <paramref name="into"/> holds <paramref name="take"/> lines.</summary>
    private static bool Add(List<TaskLogLine> into, long sequence, byte[] meta, int index, BsonArray blocks, string text, int take)
    {
        var slot = meta.AsSpan(index * LogChunkBuilder.MetaBytes, LogChunkBuilder.MetaBytes);
        into.Add(new TaskLogLine
        {
            Sequence = sequence,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(slot)),
            Level = (TaskLogLevel)slot[8],
            Block = blocks[BinaryPrimitives.ReadUInt16LittleEndian(slot[9..])].AsString,
            Text = text,
        });
        return into.Count >= take;
    }

    private static BsonArray Pieces(byte[][] pieces) => new(pieces.Select(piece => new BsonValue(piece)));

    private static byte[] Joined(BsonValue value) =>
        value.IsBinary ? value.AsBinary : PooledSegments.Join(value.AsArray.Select(piece => piece.AsBinary).ToList());

    private static string ChunkId(string taskId, long lastSequence) =>
        $"{taskId}/{lastSequence.ToString(SequenceFormat, System.Globalization.CultureInfo.InvariantCulture)}";
}
