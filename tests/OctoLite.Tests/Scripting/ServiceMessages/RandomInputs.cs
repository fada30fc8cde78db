using System.Text;

namespace OctoLite.Tests.Scripting.ServiceMessages;

/// <summary>Deterministic random inputs for the property and fuzz tests.</summary>
internal static class RandomInputs
{
    private const string NameStart = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    private const string NameRest = NameStart + "0123456789-.:";

    /// <summary>A valid message or attribute name.</summary>
    public static string Name(Random random)
    {
        var builder = new StringBuilder().Append(NameStart[random.Next(NameStart.Length)]);
        for (var i = random.Next(0, 12); i > 0; i--)
            builder.Append(NameRest[random.Next(NameRest.Length)]);
        return builder.ToString();
    }

    /// <summary>Valid text: ASCII, quotes, brackets, whitespace, accents and astral-plane characters.</summary>
    public static string Text(Random random, int length)
    {
        string[] pieces = ["a", "Z", "0", " ", "'", "\"", "]", "[", "=", "\n", "\t", "é", "中", "🚀", "#", "{", "}", "\\"];
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
            builder.Append(pieces[random.Next(pieces.Length)]);
        return builder.ToString();
    }

    /// <summary>Any UTF-16 code units, including lone surrogates and control characters.</summary>
    public static string Chars(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0, 128);
        return new string(chars);
    }
}
