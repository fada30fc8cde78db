using System.Text;

namespace OctoLite.Scripting.Bootstrap;

/// <summary>
/// The file the helper functions read variables from. One variable a line, <c>base64(name) SPACE base64(value)</c>
/// (UTF-8 before encoding), so names and values may hold any character, newlines included; ordinal order by name.
/// </summary>
internal static class VariablesFile
{
    /// <summary>The file name in the working folder.</summary>
    public const string FileName = ".octolite-variables";

    /// <summary>Writes <paramref name="variables"/> to <paramref name="path"/>, mode 0600.</summary>
    /// <exception cref="ArgumentException">A variable name is empty.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, string> variables)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0)
                throw new ArgumentException("Variable names cannot be empty.", nameof(variables));
            text.Append(Encode(name)).Append(' ').Append(Encode(value)).Append('\n');
        }

        PrivateFile.Write(path, text.ToString());
    }

    /// <summary>Base64 of the UTF-8 bytes of <paramref name="text"/>: also how helpers encode service-message values.</summary>
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
