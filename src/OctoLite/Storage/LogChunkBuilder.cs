using System.Buffers.Binary;
using System.Text;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// Lines of one task's log packed as they arrive, in the form a stored chunk takes (see <see cref="TaskLogChunks"/>):
/// the texts joined by <c>\n</c>, and per line 11 bytes of time, level and block index. No object per line, so a
/// flood of output does not turn into a flood of short-lived objects. Not thread-safe.
/// </summary>
internal sealed class LogChunkBuilder
{
    internal const int MetaBytes = 11;
    private readonly StringBuilder _text = new();
    private readonly List<string> _blocks = [];
    private readonly Dictionary<string, int> _blockIndex = new(StringComparer.Ordinal);
    private byte[] _meta = new byte[64 * MetaBytes];

    public LogChunkBuilder(long firstSequence) => FirstSequence = firstSequence;

    public long FirstSequence { get; }

    public int Count { get; private set; }

    public long LastSequence => FirstSequence + Count - 1;

    /// <summary>Characters of text held, a measure of the chunk's size.</summary>
    public int TextLength => _text.Length;

    internal IReadOnlyList<string> Blocks => _blocks;

    /// <summary>Adds the next line (its sequence is <see cref="LastSequence"/> + 1); <paramref name="text"/> holds no line break.</summary>
    public void Add(DateTimeOffset time, TaskLogLevel level, string block, string text)
    {
        if (!_blockIndex.TryGetValue(block, out var index))
        {
            index = _blocks.Count;
            _blockIndex.Add(block, index);
            _blocks.Add(block);
        }

        if ((Count + 1) * MetaBytes > _meta.Length)
        {
            Array.Resize(ref _meta, _meta.Length * 2);
        }

        var slot = _meta.AsSpan(Count * MetaBytes, MetaBytes);
        BinaryPrimitives.WriteInt64LittleEndian(slot, time.ToUnixTimeMilliseconds());
        slot[8] = (byte)level;
        BinaryPrimitives.WriteUInt16LittleEndian(slot[9..], (ushort)index);
        if (Count > 0)
        {
            _text.Append('\n');
        }

        _text.Append(text);
        Count++;
    }

    internal string Text() => _text.ToString();

    internal byte[] Meta() => _meta.AsSpan(0, Count * MetaBytes).ToArray();
}
