using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// <c>##octopus[progress percentage='…' message='…']</c>: the script reports how far it has got (<c>update_progress</c>).
/// </summary>
/// <param name="Percentage">0 to 100.</param>
/// <param name="Message">What the script is doing; "" when it said nothing.</param>
internal sealed record ProgressMessage(int Percentage, string Message)
{
    /// <summary>Reads a parsed message; false when the percentage is missing or not a whole number from 0 to 100.</summary>
    public static bool TryFrom(ServiceMessage message, [NotNullWhen(true)] out ProgressMessage? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = TypedMessage.CheckName(message, ServiceMessageNames.Progress);
        if (error is not null)
            return false;

        var text = message.GetAttribute("percentage");
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "progress needs a percentage";
            return false;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var percentage)
            || percentage is < 0 or > 100)
        {
            error = $"progress percentage must be a whole number from 0 to 100, not '{text}'";
            return false;
        }
        result = new ProgressMessage(percentage, message.GetAttribute("message") ?? "");
        return true;
    }

    /// <summary>The message a script would write for this progress report.</summary>
    public ServiceMessage ToServiceMessage() => new(ServiceMessageNames.Progress,
        [new("percentage", Percentage.ToString(CultureInfo.InvariantCulture)), new("message", Message)]);
}
