using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// <c>##octopus[mask value='…']</c>: mask this value in every log line from now on. The bash bootstrap writes it
/// on both stdout and stderr, so the masker must treat a second registration as a no-op.
/// </summary>
/// <param name="Value">The value to mask, never "".</param>
internal sealed record MaskMessage(string Value)
{
    /// <summary>Reads a parsed message; false with "mask needs a value" when the value is missing or "".</summary>
    public static bool TryFrom(ServiceMessage message, [NotNullWhen(true)] out MaskMessage? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = TypedMessage.CheckName(message, ServiceMessageNames.Mask);
        if (error is not null)
            return false;

        var value = message.GetAttribute("value");
        if (string.IsNullOrEmpty(value))
        {
            error = "mask needs a value";
            return false;
        }
        result = new MaskMessage(value);
        return true;
    }

    /// <summary>The message a script would write to mask this value.</summary>
    public ServiceMessage ToServiceMessage() => new(ServiceMessageNames.Mask, [new("value", Value)]);

    /// <summary>Never shows the value.</summary>
    public override string ToString() => "mask ********";
}
