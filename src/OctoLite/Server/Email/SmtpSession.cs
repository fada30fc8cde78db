using System.Net;
using System.Text;

namespace OctoLite.Server.Email;

/// <summary>
/// One SMTP conversation (RFC 5321): greeting, EHLO (HELO for old servers), STARTTLS when asked for, AUTH PLAIN or
/// LOGIN when a user name is set, MAIL FROM, RCPT TO per recipient, DATA with dot-stuffing, QUIT. Any refusal ends
/// the conversation before DATA, so a message goes to all its recipients or to none.
/// </summary>
internal static class SmtpSession
{
    public static async Task SendAsync(SmtpSettings settings, IReadOnlyList<string> recipients, string message, CancellationToken cancellationToken)
    {
        var server = settings.Endpoint;
        var timeouts = settings.Timeouts;
        await using var connection = await SmtpConnection.OpenAsync(settings, cancellationToken);
        Expect(await connection.ReadAsync("while waiting for its greeting", timeouts.Command, cancellationToken), 220,
            reply => $"SMTP server {server} turned the connection away: {reply}");

        var extensions = await HelloAsync(connection, settings, cancellationToken);
        if (settings.EnableSsl && !connection.IsEncrypted)
        {
            if (!extensions.ContainsKey("STARTTLS"))
            {
                throw new SmtpException($"SMTP server {server} does not offer STARTTLS, and smtp.enableSsl is true: the message was not sent in clear. Use port {SmtpSettings.ImplicitTlsPort} for implicit TLS, or set smtp.enableSsl false.");
            }

            Expect(await connection.SendAsync("STARTTLS\r\n", "after STARTTLS", timeouts.Command, cancellationToken), 220,
                reply => $"SMTP server {server} refused STARTTLS: {reply}");
            await connection.StartTlsAsync(timeouts.Connect, cancellationToken);
            extensions = await HelloAsync(connection, settings, cancellationToken);
        }

        if (settings.Username.Length > 0)
        {
            await AuthenticateAsync(connection, settings, extensions, cancellationToken);
        }

        Expect(await connection.SendAsync($"MAIL FROM:<{settings.From}>\r\n", "after MAIL FROM", timeouts.Command, cancellationToken), 250,
            reply => $"SMTP server {server} refused the sender {settings.From}: {reply}");
        foreach (var recipient in recipients)
        {
            var reply = await connection.SendAsync($"RCPT TO:<{recipient}>\r\n", "after RCPT TO", timeouts.Command, cancellationToken);
            if (reply.Code is not (250 or 251))
            {
                throw new SmtpException($"SMTP server {server} refused the recipient {recipient}: {reply}");
            }
        }

        Expect(await connection.SendAsync("DATA\r\n", "after DATA", timeouts.Command, cancellationToken), 354,
            reply => $"SMTP server {server} refused to take the message (DATA): {reply}");
        Expect(await connection.SendAsync(DotStuff(message), "after the message was sent", timeouts.Message, cancellationToken), 250,
            reply => $"SMTP server {server} rejected the message: {reply}");

        try
        {
            await connection.SendAsync("QUIT\r\n", "after QUIT", timeouts.Command, cancellationToken);
        }
        catch (SmtpException)
        {
            // The message is accepted; a server that drops the line at QUIT changes nothing.
        }
    }

    /// <summary>RFC 5321 §4.5.2: a line that starts with '.' gets another; the message ends with CRLF.CRLF.</summary>
    public static string DotStuff(string message)
    {
        var text = new StringBuilder(message.Length + 16);
        foreach (var line in message.Split("\r\n"))
        {
            if (line.StartsWith('.'))
            {
                text.Append('.');
            }

            text.Append(line).Append("\r\n");
        }

        // Split leaves an empty last piece after the final CRLF; its CRLF is the one the terminator needs.
        if (message.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text.Length -= 2;
        }

        return text.Append(".\r\n").ToString();
    }

    /// <summary>EHLO, or HELO when the server does not know EHLO; the EHLO keywords (e.g. STARTTLS, AUTH) with their parameters.</summary>
    private static async Task<Dictionary<string, string>> HelloAsync(SmtpConnection connection, SmtpSettings settings, CancellationToken cancellationToken)
    {
        var name = ClientName();
        var reply = await connection.SendAsync($"EHLO {name}\r\n", "after EHLO", settings.Timeouts.Command, cancellationToken);
        var extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (reply.Code == 250)
        {
            foreach (var line in reply.Lines.Skip(1))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                extensions[space < 0 ? line : line[..space]] = space < 0 ? "" : line[(space + 1)..];
            }

            return extensions;
        }

        Expect(await connection.SendAsync($"HELO {name}\r\n", "after HELO", settings.Timeouts.Command, cancellationToken), 250,
            helo => $"SMTP server {settings.Endpoint} refused EHLO ({reply}) and HELO: {helo}");
        return extensions;
    }

    private static async Task AuthenticateAsync(SmtpConnection connection, SmtpSettings settings, Dictionary<string, string> extensions, CancellationToken cancellationToken)
    {
        var server = settings.Endpoint;
        var limit = settings.Timeouts.Command;
        var mechanisms = extensions.TryGetValue("AUTH", out var offered) ? offered.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        string Refused(SmtpReply reply) => $"SMTP server {server} refused the credentials of user '{settings.Username}': {reply}. Check smtp.username and smtp.password.";

        if (mechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            var token = Base64($"\0{settings.Username}\0{settings.Password}");
            var reply = await connection.SendAsync($"AUTH PLAIN {token}\r\n", "after AUTH PLAIN", limit, cancellationToken);
            if (reply.Code == 334)
            {
                // Some servers ignore the initial response and ask for it again.
                reply = await connection.SendAsync($"{token}\r\n", "after AUTH PLAIN", limit, cancellationToken);
            }

            Expect(reply, 235, Refused);
            return;
        }

        if (mechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            Expect(await connection.SendAsync("AUTH LOGIN\r\n", "after AUTH LOGIN", limit, cancellationToken), 334, Refused);
            Expect(await connection.SendAsync($"{Base64(settings.Username)}\r\n", "after the AUTH LOGIN user name", limit, cancellationToken), 334, Refused);
            Expect(await connection.SendAsync($"{Base64(settings.Password)}\r\n", "after the AUTH LOGIN password", limit, cancellationToken), 235, Refused);
            return;
        }

        throw new SmtpException(mechanisms.Length == 0
            ? $"SMTP server {server} offers no authentication{(connection.IsEncrypted ? "" : " on an unencrypted connection (try smtp.enableSsl true)")}, but smtp.username is set."
            : $"SMTP server {server} offers only {string.Join(", ", mechanisms)} authentication; OctoLite speaks PLAIN and LOGIN.");
    }

    private static void Expect(SmtpReply reply, int code, Func<SmtpReply, string> failure)
    {
        if (reply.Code != code)
        {
            throw new SmtpException(failure(reply));
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string ClientName()
    {
        try
        {
            var name = Dns.GetHostName();
            return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? name : "localhost";
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
