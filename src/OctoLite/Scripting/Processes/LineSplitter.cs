using System.Text;
using System.Text.Unicode;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// Turns a byte stream into lines: splits on <c>\n</c>, drops one <c>\r</c> before it, and cuts lines longer than the
/// limit into pieces of at most that many bytes, never inside a character. Lines are handed on as UTF-8: a line that
/// is not valid UTF-8 is replaced by its decoded form re-encoded (invalid bytes become U+FFFD, exactly as decoding it
/// to a string would), so every consumer sees the same text whether it decodes or not. Not thread-safe: one
/// instance per pipe.
/// </summary>
internal sealed class LineSplitter
{
    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly int maxLineBytes;
    private readonly Utf8LineHandler emit;

    // One byte more than the limit: a line of exactly the limit followed by '\r' must not be cut before its "\n" arrives.
    private readonly byte[] pending;
    private int count;

    /// <param name="maxLineBytes">The longest line, in bytes, delivered in one piece; at least 4 (one UTF-8 character).</param>
    /// <param name="emit">Receives each line, in order, as valid UTF-8.</param>
    public LineSplitter(int maxLineBytes, Utf8LineHandler emit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 4);
        this.maxLineBytes = maxLineBytes;
        this.emit = emit;
        pending = new byte[maxLineBytes + 1];
    }

    /// <param name="maxLineBytes">The longest line, in bytes, delivered in one piece; at least 4 (one UTF-8 character).</param>
    /// <param name="emit">Receives each line, in order, decoded (invalid bytes become U+FFFD).</param>
    public LineSplitter(int maxLineBytes, Action<string> emit)
        : this(maxLineBytes, line => emit(Decode(line)))
    {
    }

    /// <summary>Decodes a line this splitter emitted (valid UTF-8).</summary>
    public static string Decode(ReadOnlySpan<byte> line) => Utf8Lenient.GetString(line);

    /// <summary>Takes the next bytes read from the pipe; emits every line they complete.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            if (count == 0 && newline >= 0 && newline <= maxLineBytes)
            {
                // The common case, a whole line inside this read: hand it on in place, without the copy to pending.
                var line = data[..newline];
                if (!line.IsEmpty && line[^1] == '\r')
                    line = line[..^1];
                Emit(line);
                data = data[(newline + 1)..];
                continue;
            }

            AppendContent(newline < 0 ? data : data[..newline]);
            if (newline < 0)
                return;

            EmitLine();
            data = data[(newline + 1)..];
        }
    }

    /// <summary>At end of stream: emits a last line that had no newline, if any.</summary>
    public void Flush()
    {
        if (count > 0)
            EmitLine();
    }

    private void AppendContent(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (count == pending.Length)
                EmitPiece();

            var take = Math.Min(pending.Length - count, bytes.Length);
            bytes[..take].CopyTo(pending.AsSpan(count));
            count += take;
            bytes = bytes[take..];
        }
    }

    private void EmitLine()
    {
        if (count > 0 && pending[count - 1] == '\r')
            count--;

        while (count > maxLineBytes)
            EmitPiece();

        Emit(pending.AsSpan(0, count));
        count = 0;
    }

    // Emits up to maxLineBytes from the front, backing off so a multi-byte character stays whole.
    private void EmitPiece()
    {
        var cut = maxLineBytes;
        for (var back = 0; back < 3 && cut > 1 && IsContinuation(pending[cut]); back++)
            cut--;
        if (IsContinuation(pending[cut]))
            cut = maxLineBytes; // not valid UTF-8 here anyway: cut where the limit says

        Emit(pending.AsSpan(0, cut));
        pending.AsSpan(cut, count - cut).CopyTo(pending);
        count -= cut;
    }

    private void Emit(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line))
            emit(line);
        else
            emit(Utf8Lenient.GetBytes(Utf8Lenient.GetString(line))); // rare: the replacement characters, encoded
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
