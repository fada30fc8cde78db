using System.Globalization;
using System.Text;

namespace OctoLite.Scripting.Masking;

/// <summary>
/// How common JSON writers escape a string's content (without the surrounding quotes), so that a secret
/// printed inside JSON is still recognised. Writers differ: jq and most writers escape only '"', '\' and
/// control characters; Python's json.dumps also escapes every non-ASCII character (lowercase hex);
/// .NET and Go use uppercase hex.
/// </summary>
internal static class JsonStringEscaper
{
    /// <summary>The escaped content of a JSON string holding <paramref name="value"/>.</summary>
    public static string Escape(string value, bool asciiOnly, bool upperHex)
    {
        var builder = new StringBuilder(value.Length + 8);
        var hexFormat = upperHex ? "X4" : "x4";
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || (asciiOnly && c > '~'))
                        builder.Append("\\u").Append(((int)c).ToString(hexFormat, CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
