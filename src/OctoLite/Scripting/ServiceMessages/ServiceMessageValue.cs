using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>Attribute values travel as base64 of their UTF-8 bytes, so any text survives a single-line message.</summary>
internal static class ServiceMessageValue
{
    private const int StackLimit = 512;

    /// <summary>The base64 of <paramref name="value"/>'s UTF-8 bytes, as scripts write it.</summary>
    public static string Encode(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary>
    /// Decodes base64 of UTF-8 text. False for anything else: bad base64 (length, padding, alphabet) or bytes that
    /// are not valid UTF-8, which are rejected rather than silently replaced so that a corrupted value is noticed.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> base64, out string value)
    {
        value = "";
        if (base64.IsEmpty)
            return true;

        var maxBytes = (base64.Length / 4 + 1) * 3;
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            if (!Convert.TryFromBase64Chars(base64, buffer, out var written) || !Utf8.IsValid(buffer[..written]))
                return false;
            value = Encoding.UTF8.GetString(buffer[..written]);
            return true;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
