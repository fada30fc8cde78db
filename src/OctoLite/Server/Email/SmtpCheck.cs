using OctoLite.Server.Audit;
using OctoLite.Server.Configuration;
using OctoLite.Server.Security;
using OctoLite.Storage;

namespace OctoLite.Server.Email;

/// <summary>Sends a short test message over the SMTP settings (<c>octolite config test-smtp</c>); the attempt is audited either way.</summary>
internal sealed class SmtpCheck(EmailSender sender, OctoStore store, AuditTrail audit, TimeProvider time)
{
    public async Task<Result<EmailReceipt>> SendTestAsync(SmtpTestRequest request, Actor who, CancellationToken cancellationToken)
    {
        var to = EmailAddress.Validate(request.To, nameof(SmtpTestRequest.To));
        if (!to.IsSuccess)
        {
            return to.Problem;
        }

        var message = new EmailMessage
        {
            To = [to.Value],
            Subject = "OctoLite SMTP test",
            Body = $"This is a test message from the OctoLite server on {Environment.MachineName}, "
                + $"sent at {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC by {who.Name} to check its SMTP settings.\n\nNo action is needed.",
        };
        var sent = await sender.SendAsync(message, cancellationToken);
        store.Write(s =>
        {
            audit.Record(s, who, sent.IsSuccess ? "SmtpTestSent" : "SmtpTestFailed", ConfigurationService.DocumentType, ConfigurationService.DocumentId,
                sent.IsSuccess ? $"SMTP test message sent to {to.Value} via {sent.Value.Server}" : $"SMTP test message to {to.Value} failed",
                sent.IsSuccess ? $"Message-ID: {sent.Value.MessageId}" : sent.Problem.Detail);
            return true;
        });
        return sent;
    }
}
