namespace OctoLite.Scripting.ServiceMessages;

/// <summary>Checks shared by the typed views' <c>TryFrom</c> methods.</summary>
internal static class TypedMessage
{
    /// <summary>Null when <paramref name="message"/> is named <paramref name="expected"/>, else the error to report.</summary>
    public static string? CheckName(ServiceMessage message, string expected) =>
        string.Equals(message.Name, expected, StringComparison.Ordinal)
            ? null
            : $"expected a {expected} message, not {message.Name}";
}
