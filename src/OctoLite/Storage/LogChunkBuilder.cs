using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OctoLite.Domain;

namespace OctoLite.Storage;

/// <summary>
/// Lines of one task's log packed as they arrive, in the form a stored chunk takes (see <see cref="TaskLogChunks"/>):
/// the texts as UTF-8 joined by <c>\n</c>, and per line 11 bytes of time, level and block index. No object per line,
/// so a flood of output does not turn into a flood of short-lived objects, and text that arrives as UTF-8 is copied
/// as it is. Its buffers come from the shared array pool, so a flood of output reuses the same memory batch after
/// batch: call <see cref="Release"/> once the chunk is stored. Not thread-safe.
/// </summary>
internal sealed class LogChunkBuilder
{
    internal const int MetaBytes = 11;
    private const int InitialTextBytes = 16 * 1024;
    private const int InitialMetaLines = 64;

    // As the store encodes a string: a lone surrogate becomes U+FFFD.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly List<string> _blocks = [];
    private readonly Dictionary<string, int> _blockIndex = new(StringComparer.Ordinal);
    private byte[] _text = [];
    private int _textBytes;
    private byte[] _meta = [];
    private string? _lastBlock;
    private int _lastBlockIndex;

    public LogChunkBuilder(long firstSequence) => FirstSequence = firstSequence;

    public long FirstSequence { get; }

    public int Count { get; private set; }

    public long LastSequence => FirstSequence + Count - 1;

    /// <summary>Bytes of text held (UTF-8), a measure of the chunk's size.</summary>
    public int TextBytes => _textBytes;

    internal IReadOnlyList<string> Blocks => _blocks;

    /// <summary>Adds the next line (its sequence is <see cref="LastSequence"/> + 1); <paramref name="text"/> holds no line break.</summary>
    public void Add(DateTimeOffset time, TaskLogLevel level, string block, string text)
    {
        var separator = Count > 0 ? 1 : 0;
        EnsureText(separator + Utf8.GetMaxByteCount(text.Length));
        AddMeta(time, level, block);
        if (separator > 0)
        {
            _text[_textBytes++] = (byte)'\n';
        }

        _textBytes += Utf8.GetBytes(text, _text.AsSpan(_textBytes));
    }

    /// <summary>
    /// Adds the next line as UTF-8: <paramref name="utf8"/> must be valid UTF-8 holding no line break (the caller
    /// checks; the bytes are stored as they are).
    /// </summary>
    public void AddUtf8(DateTimeOffset time, TaskLogLevel level, string block, ReadOnlySpan<byte> utf8)
    {
        var separator = Count > 0 ? 1 : 0;
        EnsureText(separator + utf8.Length);
        AddMeta(time, level, block);
        if (separator > 0)
        {
            _text[_textBytes++] = (byte)'\n';
        }

        utf8.CopyTo(_text.AsSpan(_textBytes));
        _textBytes += utf8.Length;
    }

    /// <summary>The lines' texts as UTF-8, joined by <c>\n</c>.</summary>
    internal byte[] TextUtf8() => Copy(_text.AsSpan(0, _textBytes));

    internal byte[] Meta() => Copy(_meta.AsSpan(0, Count * MetaBytes));

    /// <summary>Gives the buffers back to the pool; the builder is empty and unusable afterwards. Calling it again does nothing.</summary>
    public void Release()
    {
        Return(ref _text);
        Return(ref _meta);
        _textBytes = 0;
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

        if ((Count + 1) * MetaBytes > _meta.Length)
        {
            Grow(ref _meta, Count * MetaBytes, Math.Max(InitialMetaLines * MetaBytes, _meta.Length * 2));
        }

        var slot = _meta.AsSpan(Count * MetaBytes, MetaBytes);
        BinaryPrimitives.WriteInt64LittleEndian(slot, time.ToUnixTimeMilliseconds());
        slot[8] = (byte)level;
        BinaryPrimitives.WriteUInt16LittleEndian(slot[9..], (ushort)_lastBlockIndex);
        Count++;
    }

    private void EnsureText(int more)
    {
        var needed = _textBytes + more;
        if (needed <= _text.Length)
        {
            return;
        }

        Grow(ref _text, _textBytes, Math.Max(needed, Math.Max(InitialTextBytes, _text.Length * 2)));
    }

    private static void Grow(ref byte[] buffer, int used, int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(grown);
        Return(ref buffer);
        buffer = grown;
    }

    private static void Return(ref byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
    }

    // What the store keeps must be exactly the used length; nothing needs clearing first, every byte is copied over.
    private static byte[] Copy(ReadOnlySpan<byte> used)
    {
        var copy = GC.AllocateUninitializedArray<byte>(used.Length);
        used.CopyTo(copy);
        return copy;
    }
}
