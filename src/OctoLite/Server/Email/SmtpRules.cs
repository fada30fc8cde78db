using OctoLite.Domain;

namespace OctoLite.Server.Email;

/// <summary>The checks on the smtp.* keys of the server configuration; messages name the API field and the CLI key.</summary>
internal static class SmtpRules
{
    private const int MaxHostLength = 253;

    public static Result<ServerConfiguration> Validate(ServerConfiguration configuration)
    {
        var host = configuration.SmtpHost?.Trim() ?? "";
        var from = configuration.SmtpFrom?.Trim() ?? "";
        var username = configuration.SmtpUsername?.Trim() ?? "";
        if (host.Length > MaxHostLength || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@'))
        {
            return Problem.Invalid("SmtpHost", $"SmtpHost (smtp.host) must be a host name or IP address such as mail.example.com (got '{host}').");
        }

        if (configuration.SmtpPort is < 1 or > 65535)
        {
            return Problem.Invalid("SmtpPort", $"SmtpPort (smtp.port) must be a port number from 1 to 65535 (got {configuration.SmtpPort}).");
        }

        if (from.Length > 0 && !EmailAddress.IsValid(from))
        {
            return Problem.Invalid("SmtpFrom", $"SmtpFrom (smtp.from) must be an email address such as octolite@example.com (got '{from}').");
        }

        if (username.Any(char.IsControl))
        {
            return Problem.Invalid("SmtpUsername", "SmtpUsername (smtp.username) must not contain control characters.");
        }

        if (configuration.SmtpPasswordIsSet && username.Length == 0)
        {
            return Problem.Invalid("SmtpUsername", "SmtpUsername (smtp.username) is required when an SMTP password is set: set the user name first, or remove the password with `octolite config set smtp.password \"\"`.");
        }

        (bool IsSet, string Key)[] settings =
        [
            (from.Length > 0, "smtp.from"),
            (username.Length > 0, "smtp.username"),
            (configuration.SmtpPasswordIsSet, "smtp.password"),
            (configuration.SmtpEnableSsl, "smtp.enableSsl"),
            (configuration.SmtpPort != ServerConfiguration.DefaultSmtpPort, "smtp.port"),
        ];
        var others = settings.Where(s => s.IsSet).Select(s => s.Key).ToList();
        if (host.Length == 0 && others.Count > 0)
        {
            return Problem.Invalid("SmtpHost",
                $"SmtpHost (smtp.host) is required when other SMTP settings are set ({string.Join(", ", others)}): set it first with `octolite config set smtp.host HOST`.");
        }

        return configuration with { SmtpHost = host, SmtpFrom = from, SmtpUsername = username };
    }
}
