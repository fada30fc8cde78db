using System.Globalization;
using System.Text;

namespace OctoLite.Server.Email;

/// <summary>
/// The message text sent after DATA (RFC 5322 + MIME): Date, From, To, Cc, Subject, Message-ID and a UTF-8 body in
/// quoted-printable, so every line is 7-bit ASCII. Lines end in CRLF; dot-stuffing is the session's job.
/// </summary>
internal static class MimeMessageWriter
{
    private const int FoldAt = 78;

    public static string Write(EmailMessage message, string from, DateTimeOffset date, string messageId)
    {
        var text = new StringBuilder();
        Header(text, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "From", from);
        AddressHeader(text, "To", message.To);
        if (message.Cc.Count > 0)
        {
            AddressHeader(text, "Cc", message.Cc);
        }

        Header(text, "Subject", EncodedWords.Encode(message.Subject));
        Header(text, "Message-ID", messageId);
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", message.IsHtml ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "quoted-printable");
        text.Append("\r\n");
        text.Append(QuotedPrintable.Encode(message.Body));
        text.Append("\r\n");
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

    /// <summary>An address list, folded after a comma whenever the line would pass 78 characters.</summary>
    private static void AddressHeader(StringBuilder text, string name, IReadOnlyList<string> addresses)
    {
        var column = name.Length + 2;
        text.Append(name).Append(": ");
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (i > 0)
            {
                text.Append(',');
                column++;
                if (column + 1 + address.Length > FoldAt)
                {
                    text.Append("\r\n");
                    column = 0;
                }

                text.Append(' ');
                column++;
            }

            text.Append(address);
            column += address.Length;
        }

        text.Append("\r\n");
    }
}
