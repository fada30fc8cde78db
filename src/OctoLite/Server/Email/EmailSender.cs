using OctoLite.Domain;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Email;

/// <summary>
/// Sends email over the server's SMTP settings (smtp.* keys). Failure is data: a <see cref="Problem"/> whose detail
/// says what went wrong in words an operator can act on — 400 for a bad message, 409 when SMTP is not configured,
/// 502 when the SMTP server refused or could not be reached. Only cancellation is thrown.
/// </summary>
internal sealed class EmailSender(OctoStore store, SecretProtector secrets, TimeProvider time)
{
    public const int MaxRecipients = 100;

    /// <summary>Sends <paramref name="message"/> with the SMTP settings stored now.</summary>
    public async Task<Result<EmailReceipt>> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = Settings();
        return settings.IsSuccess ? await SendAsync(message, settings.Value, cancellationToken) : settings.Problem;
    }

    /// <summary>Sends <paramref name="message"/> with the given settings (tests, and callers that read the settings once).</summary>
    public async Task<Result<EmailReceipt>> SendAsync(EmailMessage message, SmtpSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Host.Trim().Length == 0)
        {
            return NoHost();
        }

        if (!EmailAddress.IsValid(settings.From))
        {
            return Problem.Conflict("No sender address is configured for email: set smtp.from with `octolite config set smtp.from ADDRESS`.", "SmtpFrom");
        }

        var recipients = Recipients(message);
        if (!recipients.IsSuccess)
        {
            return recipients.Problem;
        }

        var messageId = $"<{Guid.NewGuid():N}@{settings.From[(settings.From.LastIndexOf('@') + 1)..]}>";
        var text = MimeMessageWriter.Write(message, settings.From, time.GetUtcNow(), messageId);
        try
        {
            await SmtpSession.SendAsync(settings, recipients.Value, text, cancellationToken);
        }
        catch (SmtpException e)
        {
            return new Problem(502, "Email not sent", e.Message);
        }

        return new EmailReceipt(messageId, recipients.Value, settings.Endpoint);
    }

    /// <summary>The stored SMTP settings with the password decrypted, or why email cannot be sent.</summary>
    public Result<SmtpSettings> Settings()
    {
        var stored = store.Read(s => s.Configuration.Get());
        if (stored.SmtpHost.Trim().Length == 0)
        {
            return NoHost();
        }

        return new SmtpSettings
        {
            Host = stored.SmtpHost.Trim(),
            Port = stored.SmtpPort,
            EnableSsl = stored.SmtpEnableSsl,
            From = stored.SmtpFrom,
            Username = stored.SmtpUsername,
            Password = string.IsNullOrEmpty(stored.SmtpPassword) ? "" : secrets.Unprotect(stored.SmtpPassword),
        };
    }

    private static Problem NoHost() =>
        Problem.Conflict("No SMTP host is configured, so email cannot be sent: set smtp.host with `octolite config set smtp.host HOST` (and smtp.from, smtp.port as needed).", "SmtpHost");

    private static Result<IReadOnlyList<string>> Recipients(EmailMessage message)
    {
        var all = new List<string>();
        foreach (var (field, addresses) in new[] { (nameof(EmailMessage.To), message.To), (nameof(EmailMessage.Cc), message.Cc) })
        {
            foreach (var address in addresses)
            {
                var trimmed = address?.Trim() ?? "";
                if (!EmailAddress.IsValid(trimmed))
                {
                    return Problem.Invalid(field, $"{field} must hold email addresses such as ops@example.com; '{trimmed}' is not one.");
                }

                if (!all.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
                {
                    all.Add(trimmed);
                }
            }
        }

        if (message.To.Count == 0)
        {
            return Problem.Invalid(nameof(EmailMessage.To), "To needs at least one email address.");
        }

        return all.Count > MaxRecipients
            ? Problem.Invalid(nameof(EmailMessage.To), $"An email may have at most {MaxRecipients} recipients in To and Cc (it has {all.Count}).")
            : all;
    }
}
