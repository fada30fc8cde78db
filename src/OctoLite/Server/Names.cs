namespace OctoLite.Server;

/// <summary>Shared rules for the names of resources.</summary>
internal static class Names
{
    public const int MaxLength = 200;

    /// <summary>Checks a name is present, not too long and printable; returns the trimmed name.</summary>
    public static Result<string> Validate(string? name, string field = "Name")
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Problem.Invalid(field, $"{field} is required.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Problem.Invalid(field, $"{field} must be at most {MaxLength} characters (it has {trimmed.Length}).");
        }

        if (trimmed.Any(char.IsControl))
        {
            return Problem.Invalid(field, $"{field} must not contain control characters.");
        }

        return trimmed;
    }

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
