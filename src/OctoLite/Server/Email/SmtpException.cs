namespace OctoLite.Server.Email;

/// <summary>A failed SMTP exchange; the message is complete and meant for the user. Never escapes <see cref="EmailSender"/>.</summary>
internal sealed class SmtpException(string message, Exception? inner = null) : Exception(message, inner);
