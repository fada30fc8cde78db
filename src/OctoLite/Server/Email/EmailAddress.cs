using System.Text.RegularExpressions;

namespace OctoLite.Server.Email;

/// <summary>
/// Bare ASCII mailbox addresses (<c>ops@example.com</c>), as SMTP without SMTPUTF8 carries them. Anything that
/// could break out of a command or header line (spaces, angle brackets, CR, LF) fails the pattern.
/// </summary>
internal static partial class EmailAddress
{
    private const int MaxLength = 254;

    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(address);

    /// <summary>Checks one address, naming <paramref name="field"/> when it is not one.</summary>
    public static Result<string> Validate(string? address, string field)
    {
        var trimmed = address?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Problem.Invalid(field, $"{field} is required: an email address such as ops@example.com.");
        }

        return IsValid(trimmed)
            ? trimmed
            : Problem.Invalid(field, $"{field} must be an email address such as ops@example.com (got '{trimmed}').");
    }

    /// <summary>Splits "a@x, b@x; c@x" into addresses, each checked; an empty list is fine here (callers decide whether one is needed).</summary>
    public static Result<IReadOnlyList<string>> ParseList(string? text, string field)
    {
        var addresses = new List<string>();
        foreach (var part in (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsValid(part))
            {
                return Problem.Invalid(field, $"{field} must hold email addresses separated by commas; '{part}' is not one.");
            }

            if (!addresses.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(part);
            }
        }

        return addresses;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex Pattern();
}
