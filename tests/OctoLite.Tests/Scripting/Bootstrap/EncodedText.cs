using System.Text;

namespace OctoLite.Tests.Scripting.Bootstrap;

/// <summary>The test's own view of Octopus service messages: base64 of UTF-8, decoded here.</summary>
internal static class EncodedText
{
    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>Name → value of every <c>setVariable</c> message whose name starts with <paramref name="prefix"/>.</summary>
    public static Dictionary<string, string> SetVariables(IEnumerable<string> lines, string prefix)
    {
        const string start = "##octopus[setVariable name='";
        var result = new Dictionary<string, string>();
        foreach (var line in lines.Where(l => l.StartsWith(start, StringComparison.Ordinal)))
        {
            var parts = line[start.Length..^2].Split("' value='");
            var name = Decode(parts[0]);
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                result[name[prefix.Length..]] = Decode(parts[1]);
        }

        return result;
    }
}
