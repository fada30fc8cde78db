using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OctoLite.Scripting.ServiceMessages;

/// <summary>
/// <c>##octopus[createArtifact path='…' name='…' length='…']</c>: collect a file as an artifact after the step
/// (<c>new_octopusartifact</c>).
/// </summary>
/// <param name="Path">The file's path as the script wrote it (helpers write it fully qualified).</param>
/// <param name="Name">The artifact's name; when the message has none, the file name of <paramref name="Path"/>.</param>
/// <param name="Length">The size the script reported in bytes, or null when it reported none.</param>
internal sealed record CreateArtifactMessage(string Path, string Name, long? Length)
{
    /// <summary>Reads a parsed message; false with a reason such as "createArtifact needs a path".</summary>
    public static bool TryFrom(ServiceMessage message, [NotNullWhen(true)] out CreateArtifactMessage? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = TypedMessage.CheckName(message, ServiceMessageNames.CreateArtifact);
        if (error is not null)
            return false;

        var path = message.GetAttribute("path");
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "createArtifact needs a path";
            return false;
        }
        var name = message.GetAttribute("name");
        if (string.IsNullOrWhiteSpace(name))
            name = System.IO.Path.GetFileName(path.TrimEnd('/', '\\'));
        if (string.IsNullOrWhiteSpace(name))
        {
            error = "createArtifact needs a name (the path has no file name)";
            return false;
        }

        long? length = null;
        var lengthText = message.GetAttribute("length");
        if (!string.IsNullOrWhiteSpace(lengthText))
        {
            // `wc -c` pads its number with spaces on some systems, hence the whitespace.
            if (!long.TryParse(lengthText, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                error = $"createArtifact length must be a whole number of bytes, not '{lengthText}'";
                return false;
            }
            length = parsed;
        }
        result = new CreateArtifactMessage(path, name, length);
        return true;
    }

    /// <summary>The message a script would write for this artifact.</summary>
    public ServiceMessage ToServiceMessage()
    {
        var attributes = new List<KeyValuePair<string, string>> { new("path", Path), new("name", Name) };
        if (Length is { } length)
            attributes.Add(new("length", length.ToString(CultureInfo.InvariantCulture)));
        return new ServiceMessage(ServiceMessageNames.CreateArtifact, attributes);
    }
}
