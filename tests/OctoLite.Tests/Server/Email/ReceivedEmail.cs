using System.Text;
using System.Text.RegularExpressions;

namespace OctoLite.Tests.Server.Email;

/// <summary>A received message read back the way a mail client would: unfolded headers, decoded subject and body.</summary>
internal sealed partial class ReceivedEmail
{
    private ReceivedEmail(Dictionary<string, string> headers, string body)
    {
        Headers = headers;
        Body = body;
    }

    public IReadOnlyDictionary<string, string> Headers { get; }
    public string Body { get; }
    public string Subject => DecodeWords(Headers["Subject"]);

    public static ReceivedEmail Parse(string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = data[..split].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var headers = headerText.Split("\r\n")
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var raw = data[(split + 4)..];
        Assert.Equal("quoted-printable", headers["Content-Transfer-Encoding"]);
        return new ReceivedEmail(headers, DecodeQuotedPrintable(raw));
    }

    private static string DecodeWords(string value) =>
        // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
        EncodedWord().Replace(SpaceBetweenWords().Replace(value, "?==?"), m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)))
            .Replace("?==?", "", StringComparison.Ordinal);

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var body = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '=' && i + 2 < body.Length && body[i + 1] == '\r' && body[i + 2] == '\n')
            {
                i += 2;
            }
            else if (body[i] == '=')
            {
                bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)body[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex SpaceBetweenWords();
}
