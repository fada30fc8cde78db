using System.Buffers;

namespace OctoLite.Storage;

/// <summary>
/// A growing run of bytes kept in pooled segments of <see cref="SegmentBytes"/> each, for a log chunk being packed.
/// Growing never copies what is already held, and the segments go back to the shared pool once the chunk is stored,
/// so a flood of output reuses the same memory batch after batch instead of asking the system for fresh pages
/// (arrays this large would live on the large object heap). Not thread-safe.
/// </summary>
internal sealed class PooledSegments
{
    /// <summary>The size of every segment but the last; a power of two, so the pool hands out exactly this size.</summary>
    public const int SegmentBytes = 64 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _lastUsed = SegmentBytes;

    /// <summary>Bytes held.</summary>
    public int Length { get; private set; }

    public void Append(byte value)
    {
        if (_lastUsed == SegmentBytes)
        {
            AddSegment();
        }

        _segments[^1][_lastUsed++] = value;
        Length++;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        while (!bytes.IsEmpty)
        {
            if (_lastUsed == SegmentBytes)
            {
                AddSegment();
            }

            var take = Math.Min(SegmentBytes - _lastUsed, bytes.Length);
            bytes[..take].CopyTo(_segments[^1].AsSpan(_lastUsed));
            _lastUsed += take;
            bytes = bytes[take..];
        }
    }

    /// <summary>
    /// The bytes held, as arrays to store one after the other: the full segments themselves (so they must not be
    /// used once <see cref="Release"/> has run) and an exact copy of the last, partly filled one.
    /// </summary>
    public byte[][] ToArrays()
    {
        var arrays = new byte[_segments.Count][];
        for (var i = 0; i < _segments.Count - 1; i++)
        {
            arrays[i] = _segments[i];
        }

        if (_segments.Count > 0)
        {
            arrays[^1] = _lastUsed == SegmentBytes ? _segments[^1] : _segments[^1].AsSpan(0, _lastUsed).ToArray();
        }

        return arrays;
    }

    /// <summary>Gives the segments back to the pool and empties the buffer. Calling it again does nothing.</summary>
    public void Release()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _lastUsed = SegmentBytes;
        Length = 0;
    }

    /// <summary>The bytes of stored arrays (<see cref="ToArrays"/>) joined again.</summary>
    public static byte[] Join(IReadOnlyList<byte[]> arrays)
    {
        if (arrays.Count == 1)
        {
            return arrays[0];
        }

        var joined = new byte[arrays.Sum(a => a.Length)];
        var at = 0;
        foreach (var array in arrays)
        {
            array.CopyTo(joined, at);
            at += array.Length;
        }

        return joined;
    }

    private void AddSegment()
    {
        _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentBytes));
        _lastUsed = 0;
    }
}
