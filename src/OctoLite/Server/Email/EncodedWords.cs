using System.Text;

namespace OctoLite.Server.Email;

/// <summary>
/// Header text for the Subject: plain when it is short printable ASCII, else RFC 2047 encoded words
/// (<c>=?UTF-8?B?…?=</c>, each at most 75 characters, never splitting a character) folded onto continuation lines.
/// </summary>
internal static class EncodedWords
{
    /// <summary>39 bytes encode to 52 base64 characters: a 64-character word, so even the first line ("Subject: " + word) stays under 76.</summary>
    private const int MaxBytesPerWord = 39;
    private const int MaxPlainLength = 900;

    public static string Encode(string text)
    {
        var flat = string.Join(' ', text.ReplaceLineEndings("\n").Split('\n')).Replace('\t', ' ');
        if (flat.Length <= MaxPlainLength && flat.All(c => c is >= ' ' and <= '~') && !flat.Contains("=?", StringComparison.Ordinal))
        {
            return flat;
        }

        var words = new List<string>();
        var chunk = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in flat.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            if (chunk.Count + length > MaxBytesPerWord)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }

            chunk.AddRange(utf8[..length]);
        }

        if (chunk.Count > 0)
        {
            words.Add(Word(chunk));
        }

        return string.Join("\r\n ", words);
    }

    private static string Word(List<byte> bytes) => $"=?UTF-8?B?{Convert.ToBase64String(bytes.ToArray())}?=";
}
