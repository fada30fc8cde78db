using System.Text;

namespace OctoLite.Server.Email;

/// <summary>
/// RFC 2045 §6.7 quoted-printable of UTF-8 text: line breaks become CRLF, encoded lines stay within 76 characters
/// (soft breaks end in '='), '=' and non-ASCII bytes are escaped, and so is whitespace at the end of a line.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLineLength = 76;
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string text)
    {
        var output = new StringBuilder(text.Length + text.Length / 8);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Append("\r\n");
            }

            EncodeLine(Encoding.UTF8.GetBytes(lines[i]), output);
        }

        return output.ToString();
    }

    private static void EncodeLine(byte[] bytes, StringBuilder output)
    {
        var column = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var last = i == bytes.Length - 1;
            var literal = b is >= 33 and <= 126 && b != '=' || (b is (byte)' ' or (byte)'\t' && !last);
            var width = literal ? 1 : 3;
            // A soft break must leave room for the '=' that ends the line.
            if (column + width > MaxLineLength - 1 && !(last && column + width <= MaxLineLength))
            {
                output.Append("=\r\n");
                column = 0;
            }

            if (literal)
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }

            column += width;
        }
    }
}
