using OctoLite.Domain;
using OctoLite.Server.Security;

namespace OctoLite.Server.Email;

/// <summary>
/// The SMTP password inside the configuration document: encrypted when stored, null in every copy that leaves the
/// store (API, CLI, audit), with <see cref="ServerConfiguration.SmtpPasswordIsSet"/> telling whether one exists.
/// </summary>
internal static class SmtpPasswordField
{
    /// <summary>The copy shown outside the server: no password, only whether one is set.</summary>
    public static ServerConfiguration Redact(ServerConfiguration stored) =>
        stored with { SmtpPassword = null, SmtpPasswordIsSet = !string.IsNullOrEmpty(stored.SmtpPassword) };

    /// <summary>
    /// The change as validation sees it: <paramref name="changed"/> came from a redacted copy, so a null password
    /// keeps the stored one, "" removes it and any other value is a new password (still in clear).
    /// </summary>
    public static ServerConfiguration Resolve(ServerConfiguration stored, ServerConfiguration changed) =>
        changed with
        {
            SmtpPasswordIsSet = changed.SmtpPassword is null ? !string.IsNullOrEmpty(stored.SmtpPassword) : changed.SmtpPassword.Length > 0,
        };

    /// <summary>The document to store: a new password encrypted, an unchanged one as it was.</summary>
    public static ServerConfiguration Seal(ServerConfiguration stored, ServerConfiguration resolved, SecretProtector secrets) =>
        resolved with
        {
            SmtpPassword = resolved.SmtpPassword switch
            {
                null => string.IsNullOrEmpty(stored.SmtpPassword) ? null : stored.SmtpPassword,
                "" => null,
                var plain => secrets.Protect(plain),
            },
        };

    /// <summary>Notes a replaced password in an audit summary, which otherwise only shows SmtpPasswordIsSet.</summary>
    public static string Describe(ServerConfiguration stored, ServerConfiguration resolved, string summary) =>
        resolved.SmtpPassword is { Length: > 0 } && !string.IsNullOrEmpty(stored.SmtpPassword)
            ? (summary == "no fields changed" ? "SmtpPassword: replaced" : summary + "; SmtpPassword: replaced")
            : summary;
}
