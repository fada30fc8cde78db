namespace OctoLite.Server.Email;

/// <summary>
/// How long the client waits on an SMTP server. RFC 5321 §4.5.3.2 suggests minutes per command; a deployment step
/// should fail sooner than that, so the defaults are shorter but still generous for a slow relay.
/// </summary>
internal sealed record SmtpTimeouts
{
    public static SmtpTimeouts Default { get; } = new();

    /// <summary>TCP connect plus, for implicit TLS, the TLS handshake. Default 30 s.</summary>
    public TimeSpan Connect { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Waiting for the reply to one command (greeting, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA). Default 60 s.</summary>
    public TimeSpan Command { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Sending the message and waiting for the reply to its final dot, when servers run their filters. Default 5 min.</summary>
    public TimeSpan Message { get; init; } = TimeSpan.FromMinutes(5);
}
