using System.Net;
using System.Text;
using System.Text.Json;

namespace OctoLite.Scripting.Masking;

/// <summary>
/// The texts under which a secret can show up in a log: itself, its trimmed form, each line of a multi-line
/// secret (logs are ingested line by line, so a whole multi-line secret never appears in one line), base64 of
/// its UTF-8 (without '=' padding, so padded and unpadded output both match), percent-encoded
/// (<see cref="Uri.EscapeDataString"/>, and form-encoded with '+' for spaces) and JSON-escaped as common
/// writers do, including .NET's default encoder, which also escapes HTML-sensitive characters such as '+'.
/// </summary>
/// <remarks>
/// Forms equal to each other are returned more than once; the caller deduplicates. Base64 only matches where the
/// secret starts on a 3-byte boundary of the encoded data (e.g. <c>user:password</c> in a Basic header does not
/// match the password's own base64); masking cannot know every way a script may transform a secret.
/// </remarks>
internal static class SecretForms
{
    /// <summary>Every form of <paramref name="secret"/>, the secret itself first.</summary>
    public static IEnumerable<string> Of(string secret)
    {
        yield return secret;
        yield return secret.Trim();
        if (secret.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            foreach (var line in secret.Split(['\r', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return line;
        }
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
        yield return JsonStringEscaper.Escape(secret, asciiOnly: false, upperHex: false);
        yield return JsonStringEscaper.Escape(secret, asciiOnly: false, upperHex: true);
        yield return JsonStringEscaper.Escape(secret, asciiOnly: true, upperHex: false);
        yield return JsonStringEscaper.Escape(secret, asciiOnly: true, upperHex: true);
        yield return JsonEncodedText.Encode(secret).Value;
    }
}
