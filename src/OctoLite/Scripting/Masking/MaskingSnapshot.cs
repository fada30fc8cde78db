using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;

namespace OctoLite.Scripting.Masking;

/// <summary>
/// An immutable set of texts to mask and the search structure built for it. <see cref="SecretMasker"/> swaps
/// snapshots when secrets are added, so masking reads one without locks.
/// </summary>
/// <remarks>
/// The search is <see cref="SearchValues{T}"/> of strings: the BCL's multi-string matcher (vectorised "Teddy"
/// buckets with an Aho-Corasick fallback), which finds the first position where any pattern starts in one pass
/// without allocating. Only then does the snapshot look up, among the patterns with that first character
/// (longest first), which one matched.
/// </remarks>
internal sealed class MaskingSnapshot
{
    private const int StackChars = 512;

    private readonly SearchValues<string>? _search;
    private readonly Dictionary<char, string[]> _longestFirstByFirstChar;

    /// <summary>A snapshot masking each of <paramref name="patterns"/> (non-empty, distinct).</summary>
    public MaskingSnapshot(IReadOnlyCollection<string> patterns)
    {
        _longestFirstByFirstChar = patterns
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
        if (patterns.Count > 0)
            _search = SearchValues.Create(patterns.ToArray(), StringComparison.Ordinal);
    }

    /// <summary>The snapshot with nothing to mask.</summary>
    public static MaskingSnapshot Empty { get; } = new([]);

    /// <summary>
    /// <paramref name="text"/> with every stretch covered by one or more patterns replaced by one
    /// <paramref name="mask"/>. Overlapping or touching matches merge, so no part of any secret survives.
    /// Returns <paramref name="text"/> itself, allocating nothing, when nothing matches.
    /// </summary>
    public string Mask(string text, string mask)
    {
        if (_search is null)
            return text;
        var span = text.AsSpan();
        var start = span.IndexOfAny(_search);
        if (start < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = start + LongestMatchAt(span, start);
            var next = -1;
            // A pattern starting inside (or right after) this stretch may reach beyond it: extend the stretch.
            for (var from = start + 1; from < span.Length;)
            {
                var found = span[from..].IndexOfAny(_search);
                if (found < 0)
                    break;
                found += from;
                if (found > end)
                {
                    next = found;
                    break;
                }
                end = Math.Max(end, found + LongestMatchAt(span, found));
                from = found + 1;
            }
            builder.Append(span[copied..start]).Append(mask);
            copied = end;
            start = next;
        }
        return builder.Append(span[copied..]).ToString();
    }

    /// <summary>
    /// Whether <paramref name="utf8"/> (valid UTF-8) holds any pattern, i.e. whether <see cref="Mask"/> would change its
    /// decoded text. The text is decoded into a scratch buffer (on the stack when short), not into a string.
    /// </summary>
    public bool Finds(ReadOnlySpan<byte> utf8)
    {
        if (_search is null)
            return false;

        // UTF-16 never needs more code units than UTF-8 has bytes.
        char[]? rented = null;
        var chars = utf8.Length <= StackChars ? stackalloc char[utf8.Length] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            Utf8.ToUtf16(utf8, chars, out _, out var written);
            return chars[..written].IndexOfAny(_search) >= 0;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    private int LongestMatchAt(ReadOnlySpan<char> text, int index)
    {
        var rest = text[index..];
        foreach (var pattern in _longestFirstByFirstChar[rest[0]])
        {
            if (rest.StartsWith(pattern, StringComparison.Ordinal))
                return pattern.Length;
        }
        Debug.Fail("SearchValues reported a match that no pattern confirms");
        return 0;
    }
}
