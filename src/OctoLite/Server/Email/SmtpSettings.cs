using System.Net.Security;

namespace OctoLite.Server.Email;

/// <summary>The server's SMTP settings with the password decrypted; only ever held in memory while sending.</summary>
internal sealed record SmtpSettings
{
    /// <summary>The implicit-TLS (SMTPS) port: with <see cref="EnableSsl"/> the connection starts with TLS here, and upgrades with STARTTLS elsewhere.</summary>
    public const int ImplicitTlsPort = 465;

    public required string Host { get; init; }
    public int Port { get; init; } = 25;
    public bool EnableSsl { get; init; }
    public string From { get; init; } = "";
    public string Username { get; init; } = "";
    public string Password { get; init; } = "";
    public SmtpTimeouts Timeouts { get; init; } = SmtpTimeouts.Default;
    /// <summary>Checks the server's TLS certificate; null for the operating system's trust store and a host-name match.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    public bool ImplicitTls => EnableSsl && Port == ImplicitTlsPort;

    /// <summary>host:port, as messages name the server.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
