using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// Lines of one task's log packed as they arrive, in the form a stored chunk takes (see <see cref="TaskLogChunks"/>):
/// the texts as UTF-8 joined by <c>\n</c>, and per line 11 bytes of time, level and block index. No object per line,
/// so a flood of output does not turn into a flood of short-lived objects, and text that arrives as UTF-8 is copied
/// as it is. Both are held in pooled segments (<see cref="PooledSegments"/>), so a flood of output reuses the same
/// memory batch after batch: call <see cref="Release"/> once the chunk is stored. Not thread-safe.
/// </summary>
internal sealed class LogChunkBuilder
{
    internal const int MetaBytes = 11;

    // Longer texts are encoded into a pooled buffer rather than on the stack.
    private const int StackEncodeChars = 256;

    // As the store encodes a string: a lone surrogate becomes U+FFFD.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly List<string> _blocks = [];
    private readonly Dictionary<string, int> _blockIndex = new(StringComparer.Ordinal);
    private readonly PooledSegments _text = new();
    private readonly PooledSegments _meta = new();
    private string? _lastBlock;
    private int _lastBlockIndex;

    public LogChunkBuilder(long firstSequence) => FirstSequence = firstSequence;

    public long FirstSequence { get; }

    public int Count { get; private set; }

    public long LastSequence => FirstSequence + Count - 1;

    /// <summary>Bytes of text held (UTF-8), a measure of the chunk's size.</summary>
    public int TextBytes => _text.Length;

    internal IReadOnlyList<string> Blocks => _blocks;

    /// <summary>Adds the next line (its sequence is <see cref="LastSequence"/> + 1); <paramref name="text"/> holds no line break.</summary>
    public void Add(DateTimeOffset time, TaskLogLevel level, string block, string text)
    {
        if (text.Length <= StackEncodeChars)
        {
            Span<byte> utf8 = stackalloc byte[StackEncodeChars * 3];
            AddUtf8(time, level, block, utf8[..Utf8.GetBytes(text, utf8)]);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            AddUtf8(time, level, block, rented.AsSpan(0, Utf8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Adds the next line as UTF-8: <paramref name="utf8"/> must be valid UTF-8 holding no line break (the caller
    /// checks; the bytes are stored as they are).
    /// </summary>
    public void AddUtf8(DateTimeOffset time, TaskLogLevel level, string block, ReadOnlySpan<byte> utf8)
    {
        if (Count > 0)
        {
            _text.Append((byte)'\n');
        }

        _text.Append(utf8);
        AddMeta(time, level, block);
    }

    /// <summary>The lines' texts as UTF-8, joined by <c>\n</c>, in pieces to be stored one after the other.</summary>
    internal byte[][] TextUtf8() => _text.ToArrays();

    /// <summary>Each line's time, level and block index, in pieces to be stored one after the other.</summary>
    internal byte[][] Meta() => _meta.ToArrays();

    /// <summary>Gives the buffers back to the pool; the builder is empty and unusable afterwards. Calling it again does nothing.</summary>
    public void Release()
    {
        _text.Release();
        _meta.Release();
        Count = 0;
    }

    private void AddMeta(DateTimeOffset time, TaskLogLevel level, string block)
    {
        // Almost every line of a step is in the same block as the one before it.
        if (!ReferenceEquals(block, _lastBlock))
        {
            if (!_blockIndex.TryGetValue(block, out _lastBlockIndex))
            {
                _lastBlockIndex = _blocks.Count;
                _blockIndex.Add(block, _lastBlockIndex);
                _blocks.Add(block);
            }

            _lastBlock = block;
        }

        Span<byte> slot = stackalloc byte[MetaBytes];
        BinaryPrimitives.WriteInt64LittleEndian(slot, time.ToUnixTimeMilliseconds());
        slot[8] = (byte)level;
        BinaryPrimitives.WriteUInt16LittleEndian(slot[9..], (ushort)_lastBlockIndex);
        _meta.Append(slot);
        Count++;
    }
}
